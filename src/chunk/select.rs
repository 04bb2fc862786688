//! Elementwise choice and triangles: `np.where(cond, x, y)`, `np.triu`/`np.tril`.

use super::error::Result;
use super::kernel::{check_alloc, map3};
use super::{Chunk, DType, Elem};
use ndarray::ArrayD;

/// `np.where(cond, x, y)`: broadcast the three, pick from `x` where `cond` is
/// true, in the promoted dtype of `x` and `y`.
pub fn where3(cond: &Chunk, x: &Chunk, y: &Chunk) -> Result<Chunk> {
    let dt = DType::promote(x.dtype(), y.dtype());
    let c = cond.cast_ref(DType::Bool)?;
    let (x, y) = (x.cast_ref(dt)?, y.cast_ref(dt)?);
    let (x, y): (&Chunk, &Chunk) = (&x, &y);
    let cb = c.as_array::<bool>().expect("bool");
    with_dtype!(dt, T => {
        let out: ArrayD<T> = map3(cb, T::array(x).expect("cast"), T::array(y).expect("cast"), |c, a, b| if c { a } else { b })?;
        Ok(T::into_chunk(out))
    })
}

/// Zero the elements above (`upper` false: `tril`) or below (`upper` true:
/// `triu`) diagonal `k` of the last two axes. `offset` is the block's position
/// (row, column) in the whole matrix, so a block of a lazy array is cut right.
pub fn triangle(c: &Chunk, k: i64, upper: bool, offset: (usize, usize)) -> Result<Chunk> {
    let nd = c.ndim();
    if nd < 2 {
        return Err(super::ChunkError::Value(
            "triu/tril need an array of at least 2 dimensions".into(),
        ));
    }
    check_alloc(c.shape(), c.dtype())?;
    let mut out = c.clone();
    dispatch_chunk!(&mut out, a => {
        zero_outside(a, k, upper, offset, nd);
    });
    Ok(out)
}

fn zero_outside<T: Elem>(a: &mut ArrayD<T>, k: i64, upper: bool, off: (usize, usize), nd: usize) {
    // Element (…, r, c) is kept when c - r >= k (triu) or c - r <= k (tril).
    let keep = |r: usize, c: usize| {
        let d = (c + off.1) as i64 - (r + off.0) as i64;
        if upper {
            d >= k
        } else {
            d <= k
        }
    };
    let (nr, nc) = (a.shape()[nd - 2], a.shape()[nd - 1]);
    if let (Some(s), true) = (a.as_slice_mut(), nc > 0) {
        // Row by row: the kept columns of a row are one contiguous run.
        for (i, row) in s.chunks_mut(nc).enumerate() {
            // Columns with c + off.1 - (r + off.0) == k sit on the diagonal.
            let edge = k + (i % nr + off.0) as i64 - off.1 as i64;
            let (zero_from, zero_to) = if upper {
                (0, edge.clamp(0, nc as i64) as usize)
            } else {
                ((edge + 1).clamp(0, nc as i64) as usize, nc)
            };
            row[zero_from..zero_to].fill(T::default());
        }
    } else {
        for (idx, v) in a.indexed_iter_mut() {
            if !keep(idx[nd - 2], idx[nd - 1]) {
                *v = T::default();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn where_promotes_and_broadcasts() {
        let c = Chunk::from_vec(vec![true, false, true], &[3]).unwrap();
        let x = Chunk::from_vec(vec![1i64, 2, 3], &[3]).unwrap();
        let y = Chunk::from_vec(vec![0.5f64], &[1]).unwrap();
        let r = where3(&c, &x, &y).unwrap();
        assert_eq!(
            (r.dtype(), r.to_f64_vec()),
            (DType::Float64, vec![1.0, 0.5, 3.0])
        );
    }

    #[test]
    fn triangles_respect_block_offsets() {
        let ones = Chunk::ones(&[3, 3], DType::Int64).unwrap();
        let u = triangle(&ones, 0, true, (0, 0)).unwrap();
        assert_eq!(u.to_f64_vec(), vec![1., 1., 1., 0., 1., 1., 0., 0., 1.]);
        let l = triangle(&ones, -1, false, (0, 0)).unwrap();
        assert_eq!(l.to_f64_vec(), vec![0., 0., 0., 1., 0., 0., 1., 1., 0.]);
        // The block at rows 3.., columns 0..: entirely below the diagonal.
        let b = triangle(&ones, 1, true, (3, 0)).unwrap();
        assert_eq!(b.to_f64_vec(), vec![0.; 9]);
    }
}
