//! `np.nan_to_num`: replace NaN and infinities by finite numbers.

use super::error::Result;
use super::kernel::map1;
use super::Chunk;

/// NaN → `nan`, +inf → `posinf`, -inf → `neginf` (None: the dtype's largest
/// or most negative finite value). Integer and bool arrays come back unchanged.
pub fn nan_to_num(c: &Chunk, nan: f64, posinf: Option<f64>, neginf: Option<f64>) -> Result<Chunk> {
    Ok(match c {
        Chunk::F64(a) => {
            let (p, n) = (posinf.unwrap_or(f64::MAX), neginf.unwrap_or(f64::MIN));
            Chunk::F64(map1(a, |v| fix(v, nan, p, n)))
        }
        Chunk::F32(a) => {
            let (p, n) = (
                posinf.map_or(f32::MAX, |v| v as f32),
                neginf.map_or(f32::MIN, |v| v as f32),
            );
            let nan = nan as f32;
            Chunk::F32(map1(a, |v| {
                if v.is_nan() {
                    nan
                } else if v == f32::INFINITY {
                    p
                } else if v == f32::NEG_INFINITY {
                    n
                } else {
                    v
                }
            }))
        }
        other => other.clone(),
    })
}

fn fix(v: f64, nan: f64, p: f64, n: f64) -> f64 {
    if v.is_nan() {
        nan
    } else if v == f64::INFINITY {
        p
    } else if v == f64::NEG_INFINITY {
        n
    } else {
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_only_non_finite_floats() {
        let c =
            Chunk::from_vec(vec![1.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY], &[4]).unwrap();
        let r = nan_to_num(&c, 0.0, None, None).unwrap();
        assert_eq!(r.to_f64_vec(), vec![1.0, 0.0, f64::MAX, f64::MIN]);
        let r = nan_to_num(&c, -1.0, Some(9.0), Some(-9.0)).unwrap();
        assert_eq!(r.to_f64_vec(), vec![1.0, -1.0, 9.0, -9.0]);
        let f = c.astype(crate::chunk::DType::Float32).unwrap();
        let r = nan_to_num(&f, 0.0, None, None).unwrap();
        assert_eq!(r.to_f64_vec()[2], f32::MAX as f64);
        let i = Chunk::from_vec(vec![1i64, 2], &[2]).unwrap();
        assert_eq!(nan_to_num(&i, 0.0, None, None).unwrap(), i);
    }
}
