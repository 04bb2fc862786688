//! `np.round(x, decimals)`: NumPy's scale, round-half-to-even, unscale.

use super::{binary_scalar, unary, BinaryOp, Chunk, PyScalar, Result, UnaryOp};

/// Round to `decimals` places (negative: to tens, hundreds, ...). Integers are
/// unchanged for `decimals >= 0`, as in NumPy.
pub fn round(c: &Chunk, decimals: i32) -> Result<Chunk> {
    let d = c.dtype();
    if !d.is_float() && decimals >= 0 {
        return Ok(c.clone());
    }
    let f = if d.is_float() {
        c.clone()
    } else {
        c.astype(super::DType::Float64)?
    };
    let scale = PyScalar::Float(10f64.powi(decimals.abs()));
    let (up, down) = if decimals >= 0 {
        (BinaryOp::Mul, BinaryOp::TrueDiv)
    } else {
        (BinaryOp::TrueDiv, BinaryOp::Mul)
    };
    let y = binary_scalar(up, &f, scale, false)?;
    let y = unary(UnaryOp::Rint, &y)?;
    let y = binary_scalar(down, &y, scale, false)?;
    if d.is_float() {
        Ok(y)
    } else {
        y.astype(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_to_even_at_any_place() {
        let c = Chunk::from_vec(vec![0.5, 1.5, 2.675, -1.25, 1234.5], &[5]).unwrap();
        assert_eq!(
            round(&c, 0).unwrap().to_f64_vec(),
            [0.0, 2.0, 3.0, -1.0, 1234.0]
        );
        assert_eq!(round(&c, 1).unwrap().to_f64_vec()[3], -1.2);
        assert_eq!(round(&c, -2).unwrap().to_f64_vec()[4], 1200.0);
        let i = Chunk::from_vec(vec![1234i64, 1250, 1350], &[3]).unwrap();
        assert_eq!(round(&i, 0).unwrap().to_f64_vec(), [1234.0, 1250.0, 1350.0]);
        assert_eq!(
            round(&i, -2).unwrap().to_f64_vec(),
            [1200.0, 1200.0, 1400.0]
        );
    }
}
