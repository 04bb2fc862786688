//! NumPy-compatible `repr` and `str` of chunks and scalars.

use super::Scalar;

/// Python's `repr(float)`: shortest round-trip digits, scientific below 1e-4
/// or from 1e16 on.
pub fn py_float_repr(v: f64) -> String {
    if v.is_nan() {
        return "nan".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let a = v.abs();
    if a != 0.0 && !(1e-4..1e16).contains(&a) {
        let s = format!("{v:e}");
        let (m, e) = s.split_once('e').expect("exp");
        let e: i32 = e.parse().expect("int exp");
        let sign = if e < 0 { '-' } else { '+' };
        return format!("{m}e{sign}{:02}", e.abs());
    }
    let s = format!("{v}");
    if s.contains('.') {
        s
    } else {
        format!("{s}.0")
    }
}

/// `str()` of a NumPy scalar (`1.5`, `3`, `True`); float32 uses its own
/// shortest digits.
pub fn scalar_str(s: &Scalar) -> String {
    match *s {
        Scalar::Bool(b) => if b { "True" } else { "False" }.into(),
        Scalar::F32(v) => {
            let d: f64 = format!("{v}").parse().unwrap_or(v as f64);
            py_float_repr(d)
        }
        Scalar::F64(v) => py_float_repr(v),
        Scalar::U64(v) => v.to_string(),
        _ => s.to_i64().to_string(),
    }
}
