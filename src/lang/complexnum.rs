//! Python's `complex` for the dialect: `1j` literals, `complex(re, im)`,
//! arithmetic with ints and floats, `.real`/`.imag`/`.conjugate()`, `abs`,
//! `==`, and CPython's repr (`(1+2j)`). Arrays take it as a complex128 scalar.

use super::eval::{Args, Vm};
use super::exc::{self, PyResult};
use super::ir::BinOp;
use super::value::{Builtin, Object, Value};
use num_complex::Complex64;
use std::any::Any;

/// A Python complex number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PyComplex(pub Complex64);

impl PyComplex {
    /// `re + im·j` as a dialect value.
    pub fn value(re: f64, im: f64) -> Value {
        Value::object(PyComplex(Complex64::new(re, im)))
    }
}

/// The complex value of a number (`None` for anything else).
pub fn as_complex(v: &Value) -> Option<Complex64> {
    match v {
        Value::Bool(b) => Some(Complex64::new(*b as u8 as f64, 0.0)),
        Value::Int(i) => Some(Complex64::new(*i as f64, 0.0)),
        Value::Float(f) => Some(Complex64::new(*f, 0.0)),
        Value::Object(o) => o.as_any().downcast_ref::<PyComplex>().map(|c| c.0),
        _ => None,
    }
}

/// CPython's complex division (`_Py_c_quot`).
fn cpython_div(a: Complex64, b: Complex64) -> Complex64 {
    let (br, bi) = (b.re.abs(), b.im.abs());
    if br >= bi {
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        Complex64::new((a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom)
    } else {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        Complex64::new((a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom)
    }
}

fn arith(op: BinOp, a: Complex64, b: Complex64) -> Option<PyResult<Value>> {
    let r = match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mul => a * b,
        BinOp::Div => {
            if b == Complex64::new(0.0, 0.0) {
                return Some(Err(exc::new("ZeroDivisionError", "division by zero")));
            }
            cpython_div(a, b)
        }
        BinOp::Pow => {
            if b.im == 0.0 && b.re.fract() == 0.0 && b.re.abs() <= 100.0 {
                let n = b.re as i64;
                let mut acc = Complex64::new(1.0, 0.0);
                for _ in 0..n.unsigned_abs() {
                    acc *= a;
                }
                if n < 0 {
                    Complex64::new(1.0, 0.0) / acc
                } else {
                    acc
                }
            } else {
                a.powc(b)
            }
        }
        BinOp::FloorDiv | BinOp::Mod => {
            return Some(Err(exc::type_error(format!(
                "unsupported operand type(s) for {}: 'complex' and 'complex'",
                if op == BinOp::Mod { "%" } else { "//" }
            ))))
        }
        _ => return None,
    };
    Some(Ok(Value::object(PyComplex(r))))
}

impl Object for PyComplex {
    fn type_name(&self) -> String {
        "complex".into()
    }
    fn repr(&self) -> String {
        crate::chunk::format::py_complex_repr(self.0.re, self.0.im)
    }
    fn getattr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        let z = self.0;
        Some(Ok(match name {
            "real" => Value::Float(z.re),
            "imag" => Value::Float(z.im),
            "conjugate" => Builtin::value(
                "conjugate",
                "conjugate()",
                "The complex conjugate.",
                move |_vm, a: Args| {
                    a.exact("conjugate", 0)?;
                    Ok(PyComplex::value(z.re, -z.im))
                },
            ),
            "__abs__" => Builtin::value(
                "__abs__",
                "__abs__()",
                "abs(z): the modulus.",
                move |_vm, _a| Ok(Value::Float(z.norm())),
            ),
            _ => return None,
        }))
    }
    fn binop(&self, _vm: &mut Vm, op: BinOp, other: &Value) -> Option<PyResult<Value>> {
        arith(op, self.0, as_complex(other)?)
    }
    fn rbinop(&self, _vm: &mut Vm, op: BinOp, other: &Value) -> Option<PyResult<Value>> {
        arith(op, as_complex(other)?, self.0)
    }
    fn unary(&self, _vm: &mut Vm, op: char) -> Option<PyResult<Value>> {
        match op {
            '-' => Some(Ok(Value::object(PyComplex(-self.0)))),
            '+' => Some(Ok(Value::object(*self))),
            _ => None,
        }
    }
    fn compare(&self, _vm: &mut Vm, op: &str, other: &Value) -> Option<PyResult<Value>> {
        let o = as_complex(other)?;
        match op {
            "==" => Some(Ok(Value::Bool(self.0 == o))),
            "!=" => Some(Ok(Value::Bool(self.0 != o))),
            _ => Some(Err(exc::type_error(format!(
                "'{op}' not supported between instances of 'complex' and '{}'",
                other.type_name()
            )))),
        }
    }
    fn truthiness(&self) -> Option<PyResult<bool>> {
        Some(Ok(self.0 != Complex64::new(0.0, 0.0)))
    }
    fn hash_key(&self) -> Option<String> {
        Some(format!("complex:{}:{}", self.0.re, self.0.im))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The `complex(real=0, imag=0)` builtin.
pub fn complex_builtin(_vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let part = |v: Option<Value>| -> PyResult<Complex64> {
        match v {
            None => Ok(Complex64::new(0.0, 0.0)),
            Some(v) => as_complex(&v).ok_or_else(|| {
                exc::type_error(format!(
                    "complex() argument must be a string or a number, not {}",
                    v.type_name()
                ))
            }),
        }
    };
    let re = part(a.arg(0, "real"))?;
    let im = part(a.arg(1, "imag"))?;
    let z = re + im * Complex64::new(0.0, 1.0);
    Ok(PyComplex::value(z.re, z.im))
}
