//! NumPy's float formatting for arrays ("maxprec" mode, precision 8):
//! shortest round-trip digits capped at 8, a common layout for the array, and
//! scientific notation when the magnitudes call for it.

use std::fmt::{Display, LowerExp};

/// Digits printed after the point at most (NumPy's default precision).
const PRECISION: usize = 8;

/// A float value that knows its own shortest formatting (f32 or f64).
pub trait FmtFloat: Copy + Display + LowerExp {
    /// As f64 for magnitude tests.
    fn f(self) -> f64;
    /// The dtype's exponential cutoff: 10^min(8, decimal precision).
    const EXP_CUTOFF: f64;
}

impl FmtFloat for f64 {
    fn f(self) -> f64 {
        self
    }
    const EXP_CUTOFF: f64 = 1e8;
}

impl FmtFloat for f32 {
    fn f(self) -> f64 {
        self as f64
    }
    const EXP_CUTOFF: f64 = 1e6;
}

/// Strip trailing zeros of a fraction but keep the point (`"1.500"` → `"1.5"`,
/// `"2.000"` → `"2."`).
fn trim_zeros(s: &str) -> String {
    if let Some(dot) = s.find('.') {
        let t = s.trim_end_matches('0');
        if t.len() <= dot {
            return s[..=dot].to_string();
        }
        t.to_string()
    } else {
        format!("{s}.")
    }
}

/// Positional digits: shortest unique, at most 8 after the point.
pub fn positional<T: FmtFloat>(v: T) -> String {
    let s = format!("{v}");
    let frac = s.find('.').map_or(0, |d| s.len() - d - 1);
    if frac > PRECISION {
        trim_zeros(&format!("{v:.PRECISION$}"))
    } else {
        trim_zeros(&s)
    }
}

/// Scientific digits split as (mantissa with point, signed exponent), e.g.
/// ("1.5", -5); shortest unique mantissa, at most 8 digits after the point.
pub fn scientific<T: FmtFloat>(v: T) -> (String, i32) {
    let s = format!("{v:e}");
    let (m, e) = s.split_once('e').expect("exponent");
    let frac = m.find('.').map_or(0, |d| m.len() - d - 1);
    let (m, e) = if frac > PRECISION {
        let s2 = format!("{v:.PRECISION$e}");
        let (m2, e2) = s2.split_once('e').expect("exponent");
        (m2.to_string(), e2.to_string())
    } else {
        (m.to_string(), e.to_string())
    };
    (trim_zeros(&m), e.parse().expect("exponent digits"))
}

/// The common layout NumPy picks for all the floats of an array.
#[derive(Debug, Clone)]
pub struct FloatLayout {
    exp: bool,
    pad_left: usize,
    pad_right: usize,
    precision: usize,
    exp_size: usize,
    plus: bool,
}

impl FloatLayout {
    /// Decide the layout from the values that will be shown.
    pub fn new<T: FmtFloat>(vals: &[T]) -> FloatLayout {
        FloatLayout::with_sign(vals, false)
    }

    /// NumPy's `sign='+'` layout (the imaginary parts of complex numbers):
    /// every value carries its sign.
    pub fn signed<T: FmtFloat>(vals: &[T]) -> FloatLayout {
        FloatLayout::with_sign(vals, true)
    }

    fn sign_of<T: FmtFloat>(&self, v: T) -> &'static str {
        if self.plus && !v.f().is_sign_negative() {
            "+"
        } else {
            ""
        }
    }

    fn with_sign<T: FmtFloat>(vals: &[T], plus: bool) -> FloatLayout {
        let finite: Vec<T> = vals.iter().copied().filter(|v| v.f().is_finite()).collect();
        let nz: Vec<f64> = finite
            .iter()
            .map(|v| v.f().abs())
            .filter(|&a| a != 0.0)
            .collect();
        let mut exp = false;
        if !nz.is_empty() {
            let mx = nz.iter().cloned().fold(f64::MIN, f64::max);
            let mn = nz.iter().cloned().fold(f64::MAX, f64::min);
            exp = mx >= T::EXP_CUTOFF || mn < 1e-4 || mx / mn > 1000.0;
        }
        let mut l = FloatLayout {
            exp,
            pad_left: 0,
            pad_right: 0,
            precision: 0,
            exp_size: 0,
            plus,
        };
        let sgn = |v: T| usize::from(plus && !v.f().is_sign_negative());
        if finite.is_empty() {
            l.exp = false;
        } else if exp {
            let parts: Vec<(String, i32)> = finite.iter().map(|&v| scientific(v)).collect();
            l.exp_size = parts
                .iter()
                .map(|(_, e)| e.unsigned_abs().to_string().len().max(2))
                .max()
                .unwrap_or(2);
            l.precision = parts
                .iter()
                .map(|(m, _)| m.len() - m.find('.').expect("point") - 1)
                .max()
                .unwrap_or(0);
            l.pad_left = parts
                .iter()
                .zip(&finite)
                .map(|((m, _), &v)| m.find('.').expect("point") + sgn(v))
                .max()
                .unwrap_or(0);
            l.pad_right = l.exp_size + 2 + l.precision;
        } else {
            let strs: Vec<String> = finite.iter().map(|&v| positional(v)).collect();
            l.pad_left = strs
                .iter()
                .zip(&finite)
                .map(|(s, &v)| s.find('.').expect("point") + sgn(v))
                .max()
                .unwrap_or(0);
            l.pad_right = strs
                .iter()
                .map(|s| s.len() - s.find('.').expect("point") - 1)
                .max()
                .unwrap_or(0);
        }
        if finite.len() != vals.len() {
            let neginf = (plus || vals.iter().any(|v| v.f() == f64::NEG_INFINITY)) as usize;
            let offset = l.pad_right + 1;
            l.pad_left = l
                .pad_left
                .max(3usize.saturating_sub(offset))
                .max((3 + neginf).saturating_sub(offset));
        }
        l
    }

    /// Format one value with this layout.
    pub fn format<T: FmtFloat>(&self, v: T) -> String {
        let x = v.f();
        if !x.is_finite() {
            let r = if x.is_nan() {
                format!("{}nan", if self.plus { "+" } else { "" })
            } else if x > 0.0 {
                format!("{}inf", if self.plus { "+" } else { "" })
            } else {
                "-inf".to_string()
            };
            let w = self.pad_left + self.pad_right + 1;
            return format!("{r:>w$}");
        }
        if self.exp {
            let (m, e) = scientific(v);
            let dot = m.find('.').expect("point");
            let frac = &m[dot + 1..];
            let zeros = "0".repeat(self.precision.saturating_sub(frac.len()));
            let sign = if e < 0 { '-' } else { '+' };
            let digits = format!("{:0w$}", e.unsigned_abs(), w = self.exp_size);
            let body = format!(
                "{}{}.{frac}{zeros}e{sign}{digits}",
                self.sign_of(v),
                &m[..dot]
            );
            let dot = dot + self.sign_of(v).len();
            format!("{:>w$}", body, w = self.pad_left + body.len() - dot)
        } else {
            let s = format!("{}{}", self.sign_of(v), positional(v));
            let dot = s.find('.').expect("point");
            let int = &s[..dot];
            let frac = &s[dot + 1..];
            format!(
                "{int:>l$}.{frac:<r$}",
                l = self.pad_left,
                r = self.pad_right
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits() {
        assert_eq!(positional(1.0f64), "1.");
        assert_eq!(positional(0.1f64), "0.1");
        assert_eq!(positional(1.0f64 / 3.0), "0.33333333");
        assert_eq!(positional(0.1f32), "0.1");
        assert_eq!(scientific(1.5e-5f64), ("1.5".to_string(), -5));
        assert_eq!(scientific(1e10f64), ("1.".to_string(), 10));
        assert_eq!(scientific(1.0f64 / 3.0), ("3.33333333".to_string(), -1));
    }
}
