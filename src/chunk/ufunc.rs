//! Unary ufuncs (neg, abs, sin, exp, sqrt, floor, isnan, ...) and `round`.

use super::arith::{Arith, FloatArith};
use super::error::{ChunkError, Result};
use super::kernel::map1;
use super::{Chunk, DType, Elem};
use ndarray::ArrayD;

/// A unary ufunc.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    /// `-x`
    Neg,
    /// `+x`
    Pos,
    /// `abs`
    Abs,
    /// `np.sign`
    Sign,
    /// `np.square`
    Square,
    /// `np.sqrt`
    Sqrt,
    /// `np.cbrt`
    Cbrt,
    /// `np.reciprocal`
    Reciprocal,
    /// `np.exp`
    Exp,
    /// `np.exp2`
    Exp2,
    /// `np.expm1`
    Expm1,
    /// `np.log`
    Log,
    /// `np.log1p`
    Log1p,
    /// `np.log2`
    Log2,
    /// `np.log10`
    Log10,
    /// `np.sin`
    Sin,
    /// `np.cos`
    Cos,
    /// `np.tan`
    Tan,
    /// `np.arcsin`
    Arcsin,
    /// `np.arccos`
    Arccos,
    /// `np.arctan`
    Arctan,
    /// `np.sinh`
    Sinh,
    /// `np.cosh`
    Cosh,
    /// `np.tanh`
    Tanh,
    /// `np.arcsinh`
    Arcsinh,
    /// `np.arccosh`
    Arccosh,
    /// `np.arctanh`
    Arctanh,
    /// `np.deg2rad`
    Deg2rad,
    /// `np.rad2deg`
    Rad2deg,
    /// `np.floor`
    Floor,
    /// `np.ceil`
    Ceil,
    /// `np.trunc`
    Trunc,
    /// `np.rint` (half to even)
    Rint,
    /// `np.isnan`
    IsNan,
    /// `np.isinf`
    IsInf,
    /// `np.isfinite`
    IsFinite,
    /// `np.signbit`
    Signbit,
    /// `np.logical_not`
    LogicalNot,
    /// `~x` / `np.invert`
    Invert,
}

impl UnaryOp {
    /// NumPy's ufunc name.
    pub fn ufunc_name(self) -> &'static str {
        use UnaryOp::*;
        match self {
            Neg => "negative",
            Pos => "positive",
            Abs => "absolute",
            Sign => "sign",
            Square => "square",
            Sqrt => "sqrt",
            Cbrt => "cbrt",
            Reciprocal => "reciprocal",
            Exp => "exp",
            Exp2 => "exp2",
            Expm1 => "expm1",
            Log => "log",
            Log1p => "log1p",
            Log2 => "log2",
            Log10 => "log10",
            Sin => "sin",
            Cos => "cos",
            Tan => "tan",
            Arcsin => "arcsin",
            Arccos => "arccos",
            Arctan => "arctan",
            Sinh => "sinh",
            Cosh => "cosh",
            Tanh => "tanh",
            Arcsinh => "arcsinh",
            Arccosh => "arccosh",
            Arctanh => "arctanh",
            Deg2rad => "deg2rad",
            Rad2deg => "rad2deg",
            Floor => "floor",
            Ceil => "ceil",
            Trunc => "trunc",
            Rint => "rint",
            IsNan => "isnan",
            IsInf => "isinf",
            IsFinite => "isfinite",
            Signbit => "signbit",
            LogicalNot => "logical_not",
            Invert => "invert",
        }
    }

    /// Result dtype for an input dtype, or a TypeError.
    pub fn result_dtype(self, d: DType) -> Result<DType> {
        use UnaryOp::*;
        Ok(match self {
            IsNan | IsInf | IsFinite | Signbit | LogicalNot => DType::Bool,
            Neg if d == DType::Bool => {
                return Err(ChunkError::DType("The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.".into()))
            }
            Invert if d.is_float() => return Err(type_error(self, d)),
            Sign if d == DType::Bool => return Err(type_error(self, d)),
            Neg | Pos | Abs | Sign | Square | Invert | Reciprocal => {
                if d == DType::Bool && matches!(self, Sign | Square | Reciprocal | Pos) {
                    DType::Int8
                } else {
                    d
                }
            }
            Floor | Ceil | Trunc | Rint if !d.is_float() => d,
            _ => DType::float_result(d),
        })
    }
}

fn type_error(op: UnaryOp, d: DType) -> ChunkError {
    ChunkError::DType(format!(
        "ufunc '{}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe'' (dtype {})",
        op.ufunc_name(),
        d
    ))
}

/// Apply a unary ufunc.
pub fn unary(op: UnaryOp, a: &Chunk) -> Result<Chunk> {
    use UnaryOp::*;
    if a.dtype().is_complex() {
        return super::complex::unary(op, a);
    }
    let rd = op.result_dtype(a.dtype())?;
    match op {
        IsNan | IsInf | IsFinite | Signbit => {
            return Ok(Chunk::Bool(dispatch_chunk!(a, x => map1(x, move |v| {
                let f = v.to_f64();
                match op {
                    IsNan => f.is_nan(),
                    IsInf => f.is_infinite(),
                    IsFinite => f.is_finite(),
                    _ => f.is_sign_negative(),
                }
            }))))
        }
        LogicalNot => {
            return Ok(Chunk::Bool(
                dispatch_chunk!(a, x => map1(x, |v| !v.to_bool())),
            ))
        }
        Invert => {
            return match a {
                Chunk::Bool(x) => Ok(Chunk::Bool(map1(x, |v| !v))),
                _ => {
                    dispatch_num!(a, x => Ok(Elem::into_chunk(map1(x, invert_elem))), bool _b => unreachable!())
                }
            }
        }
        Floor | Ceil | Trunc | Rint if !rd.is_float() => return Ok(a.clone()),
        Abs if rd == DType::Bool => return Ok(a.clone()),
        _ => {}
    }
    let work = a.cast_ref(rd)?;
    let work: &Chunk = &work;
    if rd.is_float() {
        return match &work {
            Chunk::F32(x) => Ok(Chunk::F32(float_op(op, x))),
            Chunk::F64(x) => Ok(Chunk::F64(float_op(op, x))),
            _ => Err(type_error(op, rd)),
        };
    }
    dispatch_num!(&work, x => Ok(Elem::into_chunk(int_op(op, x))), bool _b => Err(type_error(op, rd)))
}

fn invert_elem<T: Elem>(v: T) -> T {
    T::from_i64(!v.to_i64())
}

fn int_op<T: Arith>(op: UnaryOp, x: &ArrayD<T>) -> ArrayD<T> {
    use UnaryOp::*;
    match op {
        Neg => map1(x, T::neg),
        Abs => map1(x, T::abs),
        Sign => map1(x, T::sign),
        Square => map1(x, |v| v.mul(v)),
        Reciprocal => map1(x, |v: T| {
            if v == T::ZERO {
                T::from_i64(i64::MIN)
            } else {
                T::from_i64(1 / v.to_i64())
            }
        }),
        _ => x.clone(),
    }
}

fn float_op<T: FloatArith>(op: UnaryOp, x: &ArrayD<T>) -> ArrayD<T> {
    use UnaryOp::*;
    let deg = T::from(180.0).expect("180");
    let pi = T::from(std::f64::consts::PI).expect("pi");
    match op {
        Neg => map1(x, |v: T| -v),
        Pos => x.clone(),
        Abs => map1(x, |v: T| num_traits::Float::abs(v)),
        Sign => map1(x, Arith::sign),
        Square => map1(x, |v: T| v * v),
        Sqrt => map1(x, |v: T| v.sqrt()),
        Cbrt => map1(x, |v: T| v.cbrt()),
        Reciprocal => map1(x, |v: T| v.recip()),
        Exp => map1(x, |v: T| v.exp()),
        Exp2 => map1(x, |v: T| v.exp2()),
        Expm1 => map1(x, |v: T| v.exp_m1()),
        Log => map1(x, |v: T| v.ln()),
        Log1p => map1(x, |v: T| v.ln_1p()),
        Log2 => map1(x, |v: T| v.log2()),
        Log10 => map1(x, |v: T| v.log10()),
        Sin => map1(x, |v: T| v.sin()),
        Cos => map1(x, |v: T| v.cos()),
        Tan => map1(x, |v: T| v.tan()),
        Arcsin => map1(x, |v: T| v.asin()),
        Arccos => map1(x, |v: T| v.acos()),
        Arctan => map1(x, |v: T| v.atan()),
        Sinh => map1(x, |v: T| v.sinh()),
        Cosh => map1(x, |v: T| v.cosh()),
        Tanh => map1(x, |v: T| v.tanh()),
        Arcsinh => map1(x, |v: T| v.asinh()),
        Arccosh => map1(x, |v: T| v.acosh()),
        Arctanh => map1(x, |v: T| v.atanh()),
        Deg2rad => map1(x, move |v: T| v * pi / deg),
        Rad2deg => map1(x, move |v: T| v * deg / pi),
        Floor => map1(x, |v: T| v.floor()),
        Ceil => map1(x, |v: T| v.ceil()),
        Trunc => map1(x, |v: T| v.trunc()),
        Rint => map1(x, round_half_even),
        _ => x.clone(),
    }
}

/// Round half to even (NumPy's `rint`/`round`).
fn round_half_even<T: num_traits::Float>(v: T) -> T {
    let r = v.round();
    let half = T::from(0.5).expect("0.5");
    if (v - v.trunc()).abs() == half {
        let two = T::from(2.0).expect("2");
        two * (v / two).round()
    } else {
        r
    }
}

/// `np.round(a, decimals)`: half to even; ints stay ints (negative decimals
/// round to tens, hundreds, ...).
pub fn round(a: &Chunk, decimals: i32) -> Result<Chunk> {
    match a {
        Chunk::F32(x) => Ok(Chunk::F32(map1(x, move |v| round_dec(v, decimals)))),
        Chunk::F64(x) => Ok(Chunk::F64(map1(x, move |v| round_dec(v, decimals)))),
        Chunk::Bool(_) => Ok(a.clone()),
        _ if decimals >= 0 => Ok(a.clone()),
        _ => dispatch_chunk!(a, x => Ok(Elem::into_chunk(round_int(x, decimals)))),
    }
}

fn round_int<T: Elem>(x: &ArrayD<T>, decimals: i32) -> ArrayD<T> {
    let p = 10f64.powi(-decimals);
    map1(x, move |v: T| {
        T::from_f64(round_half_even(v.to_f64() / p) * p)
    })
}

fn round_dec<T: num_traits::Float>(v: T, decimals: i32) -> T {
    if decimals >= 0 {
        let p = T::from(10f64.powi(decimals)).expect("pow");
        round_half_even(v * p) / p
    } else {
        let p = T::from(10f64.powi(-decimals)).expect("pow");
        round_half_even(v / p) * p
    }
}

#[cfg(test)]
#[path = "ufunc_tests.rs"]
mod tests;
