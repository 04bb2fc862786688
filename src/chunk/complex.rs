//! complex128: the element type [`C128`] and the kernels that differ from the
//! real ones (arithmetic, the complex ufuncs, sums/products/means, `real`,
//! `imag`, `conj`, `angle`, `abs`). Everything structural (indexing,
//! reshaping, concatenation, assignment) runs through the generic kernels.
//! NumPy's complex64 is not provided: every complex result is complex128.

use super::error::{ChunkError, Result};
use super::kernel::map1;
use super::{BinaryOp, Chunk, DType, Elem, ReduceOp, UnaryOp};
use ndarray::{ArrayD, Zip};
use num_complex::Complex64;

/// One complex128 element. A newtype over `num_complex::Complex64` (same
/// layout) because kernels need an order: NumPy's lexicographic one (real
/// part first), used by `sort`, `max`, `argmax` and `<`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
#[repr(transparent)]
pub struct C128(pub Complex64);

impl C128 {
    /// `re + im·j`.
    pub fn new(re: f64, im: f64) -> C128 {
        C128(Complex64::new(re, im))
    }
}

impl PartialOrd for C128 {
    fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
        match self.0.re.partial_cmp(&o.0.re)? {
            std::cmp::Ordering::Equal => self.0.im.partial_cmp(&o.0.im),
            ord => Some(ord),
        }
    }
}

impl Elem for C128 {
    const DTYPE: DType = DType::Complex128;
    fn into_chunk(a: ArrayD<Self>) -> Chunk {
        Chunk::C128(a)
    }
    fn array(c: &Chunk) -> Option<&ArrayD<Self>> {
        match c {
            Chunk::C128(a) => Some(a),
            _ => None,
        }
    }
    fn to_f64(self) -> f64 {
        self.0.re
    }
    fn to_i64(self) -> i64 {
        <f64 as Elem>::to_i64(self.0.re)
    }
    fn to_u64(self) -> u64 {
        <f64 as Elem>::to_u64(self.0.re)
    }
    fn to_bool(self) -> bool {
        self.0.re != 0.0 || self.0.im != 0.0
    }
    fn from_f64(v: f64) -> Self {
        C128::new(v, 0.0)
    }
    fn from_i64(v: i64) -> Self {
        C128::new(v as f64, 0.0)
    }
    fn from_u64(v: u64) -> Self {
        C128::new(v as f64, 0.0)
    }
    fn from_bool(v: bool) -> Self {
        C128::new(v as u8 as f64, 0.0)
    }
    fn is_nan(self) -> bool {
        self.0.re.is_nan() || self.0.im.is_nan()
    }
    fn to_complex(self) -> Complex64 {
        self.0
    }
    fn from_complex(v: Complex64) -> Self {
        C128(v)
    }
}

/// A complex128 chunk from real and imaginary parts of one shape.
pub fn from_parts(re: &Chunk, im: &Chunk) -> Result<Chunk> {
    let (r, i) = (re.to_typed::<f64>(), im.to_typed::<f64>());
    if r.shape() != i.shape() {
        return Err(ChunkError::Shape(
            "real and imaginary parts differ in shape".into(),
        ));
    }
    let out = Zip::from(&r).and(&i).map_collect(|&a, &b| C128::new(a, b));
    Ok(Chunk::C128(out))
}

fn typed(c: &Chunk) -> ArrayD<C128> {
    c.to_typed::<C128>()
}

/// `x.real` (float64 for complex input, the array itself otherwise).
pub fn real(c: &Chunk) -> Chunk {
    match c {
        Chunk::C128(a) => Chunk::F64(map1(a, |v| v.0.re)),
        other => other.clone(),
    }
}

/// `x.imag` (zeros of the same dtype for real input, as NumPy).
pub fn imag(c: &Chunk) -> Result<Chunk> {
    match c {
        Chunk::C128(a) => Ok(Chunk::F64(map1(a, |v| v.0.im))),
        other => Chunk::zeros(other.shape(), other.dtype()),
    }
}

/// NumPy's TypeError wording for a ufunc with no loop for these inputs.
pub fn no_loop(name: &str) -> ChunkError {
    ChunkError::DType(format!(
        "ufunc '{name}' not supported for the input types, and the inputs could not be safely \
         coerced to any supported types according to the casting rule ''safe''"
    ))
}

/// A unary ufunc on a complex chunk (`None`: not a complex-specific case).
pub fn unary(op: UnaryOp, c: &Chunk) -> Result<Chunk> {
    use UnaryOp::*;
    let a = typed(c);
    let f: fn(Complex64) -> Complex64 = match op {
        Neg => |z| -z,
        Pos => |z| z,
        Square => |z| z * z,
        Sqrt => |z| z.sqrt(),
        Exp => |z| z.exp(),
        Log => |z| z.ln(),
        Log10 => |z| z.log10(),
        Log2 => |z| z.log2(),
        Reciprocal => |z| Complex64::new(1.0, 0.0) / z,
        Sin => |z| z.sin(),
        Cos => |z| z.cos(),
        Tan => |z| z.tan(),
        Sinh => |z| z.sinh(),
        Cosh => |z| z.cosh(),
        Tanh => |z| z.tanh(),
        Sign => |z| {
            let n = z.norm();
            if n == 0.0 {
                Complex64::new(0.0, 0.0)
            } else {
                z / n
            }
        },
        Abs => return Ok(Chunk::F64(map1(&a, |v| v.0.norm()))),
        IsNan => {
            return Ok(Chunk::Bool(map1(&a, |v| {
                v.0.re.is_nan() || v.0.im.is_nan()
            })))
        }
        IsInf => {
            return Ok(Chunk::Bool(map1(&a, |v| {
                v.0.re.is_infinite() || v.0.im.is_infinite()
            })))
        }
        IsFinite => {
            return Ok(Chunk::Bool(map1(&a, |v| {
                v.0.re.is_finite() && v.0.im.is_finite()
            })))
        }
        LogicalNot => return Ok(Chunk::Bool(map1(&a, |v| !v.to_bool()))),
        other => return Err(no_loop(other.ufunc_name())),
    };
    Ok(Chunk::C128(map1(&a, |v| C128(f(v.0)))))
}

/// `np.conj` / `np.conjugate` (the input itself for real dtypes).
pub fn conj(c: &Chunk) -> Chunk {
    match c {
        Chunk::C128(a) => Chunk::C128(map1(a, |v| C128(v.0.conj()))),
        other => other.clone(),
    }
}

/// `np.angle(z, deg=False)`: the argument in radians (or degrees), float64.
pub fn angle(c: &Chunk, deg: bool) -> Chunk {
    let k = if deg {
        180.0 / std::f64::consts::PI
    } else {
        1.0
    };
    Chunk::F64(map1(&typed(c), |v| v.0.im.atan2(v.0.re) * k))
}

/// A binary ufunc with a complex128 working dtype (operands already cast).
pub fn binary(op: BinaryOp, x: &ArrayD<C128>, y: &ArrayD<C128>) -> Result<Chunk> {
    use BinaryOp::*;
    let bool_op: Option<fn(C128, C128) -> bool> = match op {
        Eq => Some(|p, q| p == q),
        Ne => Some(|p, q| p != q),
        Lt => Some(|p, q| p < q),
        Le => Some(|p, q| p <= q),
        Gt => Some(|p, q| p > q),
        Ge => Some(|p, q| p >= q),
        LogicalAnd => Some(|p, q| p.to_bool() && q.to_bool()),
        LogicalOr => Some(|p, q| p.to_bool() || q.to_bool()),
        LogicalXor => Some(|p, q| p.to_bool() != q.to_bool()),
        _ => None,
    };
    if let Some(f) = bool_op {
        return Ok(Chunk::Bool(super::kernel::map2(x, y, f)?));
    }
    let f: fn(Complex64, Complex64) -> Complex64 = match op {
        Add => |p, q| p + q,
        Sub => |p, q| p - q,
        Mul => |p, q| p * q,
        TrueDiv => numpy_div,
        Pow => pow,
        Maximum | Fmax => |p, q| {
            if C128(p) >= C128(q) || q.re.is_nan() || q.im.is_nan() {
                p
            } else {
                q
            }
        },
        Minimum | Fmin => |p, q| {
            if C128(p) <= C128(q) || q.re.is_nan() || q.im.is_nan() {
                p
            } else {
                q
            }
        },
        other => return Err(no_loop(other.ufunc_name())),
    };
    Ok(Chunk::C128(super::kernel::map2(x, y, |p, q| {
        C128(f(p.0, q.0))
    })?))
}

/// NumPy's complex division (Smith's method, scaled by the reciprocal).
pub fn numpy_div(a: Complex64, b: Complex64) -> Complex64 {
    let (br, bi) = (b.re.abs(), b.im.abs());
    if br >= bi {
        if br == 0.0 && bi == 0.0 {
            return Complex64::new(a.re / br, a.im / br);
        }
        let rat = b.im / b.re;
        let scl = 1.0 / (b.re + b.im * rat);
        Complex64::new((a.re + a.im * rat) * scl, (a.im - a.re * rat) * scl)
    } else {
        let rat = b.re / b.im;
        let scl = 1.0 / (b.im + b.re * rat);
        Complex64::new((a.re * rat + a.im) * scl, (a.im * rat - a.re) * scl)
    }
}

/// `p ** q` with small integer powers by repeated multiplication (as NumPy
/// does for exponents up to 100 in magnitude, so `(1+2j)**2` is exact).
fn pow(p: Complex64, q: Complex64) -> Complex64 {
    if q.im == 0.0 && q.re.fract() == 0.0 && q.re.abs() <= 100.0 {
        let n = q.re as i64;
        let mut acc = Complex64::new(1.0, 0.0);
        for _ in 0..n.unsigned_abs() {
            acc *= p;
        }
        return if n < 0 {
            Complex64::new(1.0, 0.0) / acc
        } else {
            acc
        };
    }
    if p == Complex64::new(0.0, 0.0) {
        return if q.re > 0.0 {
            p
        } else {
            Complex64::new(f64::NAN, f64::NAN)
        };
    }
    p.powc(q)
}

/// `sum`, `prod` and `mean` of a complex chunk over `axes` (others: NumPy's
/// TypeError for orderless or variance reductions is not raised; they work
/// on the lexicographic order or are refused here).
pub fn reduce(c: &Chunk, op: ReduceOp, axes: Option<&[isize]>, keepdims: bool) -> Result<Chunk> {
    let (re, im) = (real(c), imag(c)?);
    match op {
        ReduceOp::Sum | ReduceOp::Mean | ReduceOp::NanSum | ReduceOp::NanMean => {
            let r = super::reduce(&re, op, axes, keepdims, 0)?;
            let i = super::reduce(&im, op, axes, keepdims, 0)?;
            from_parts(&r, &i)
        }
        ReduceOp::Prod => {
            let nd = c.ndim();
            let all: Vec<isize> = (0..nd as isize).collect();
            let ax: Vec<usize> = axes
                .unwrap_or(&all)
                .iter()
                .map(|&a| super::norm_axis(a, nd))
                .collect::<Result<_>>()?;
            let a = typed(c);
            let out = super::lanes::map_lanes(&a, &ax, |_, lane: &[C128]| {
                C128(
                    lane.iter()
                        .fold(Complex64::new(1.0, 0.0), |acc, v| acc * v.0),
                )
            });
            let shape = if keepdims {
                super::keepdims_shape(c.shape(), &ax)
            } else {
                super::squeezed_shape(c.shape(), &ax)
            };
            Chunk::C128(out).to_dtype(DType::Complex128).and_then(|o| {
                super::reshape(&o, &shape.iter().map(|&d| d as isize).collect::<Vec<_>>())
            })
        }
        _ => Err(ChunkError::DType(format!(
            "{} of complex arrays is not supported by Tessera",
            op_name(op)
        ))),
    }
}

fn op_name(op: ReduceOp) -> String {
    format!("{op:?}").to_lowercase()
}

#[cfg(test)]
#[path = "complex_tests.rs"]
mod tests;
