//! Matrix products of 2-D chunks: the kernel behind `np.dot`, `@` and the
//! per-block products of a lazy `dot`. Products go through ndarray's
//! `general_mat_mul`, split into row panels across rayon threads; f32/f64 ones
//! reach OpenBLAS's `gemm` (ndarray's `blas` feature, linked by `build.rs`),
//! held to the calling thread so it never competes with rayon's workers.

use super::error::{ChunkError, Result};
use super::kernel::check_alloc;
use super::{Chunk, DType, Elem};
use ndarray::linalg::general_mat_mul;
use ndarray::LinalgScalar;
use ndarray::{Array2, ArrayView2, ArrayViewMut2, Axis, Ix2};
use rayon::prelude::*;

/// Rows per parallel panel below which one thread does the whole product.
const PANEL_ROWS: usize = 64;

extern "C" {
    /// OpenBLAS's thread count for later calls (process-wide).
    fn openblas_set_num_threads(n: std::ffi::c_int);
}

/// Keep OpenBLAS on the calling thread: the parallelism is rayon's row panels
/// and the scheduler's blocks, and OpenBLAS's own threads would oversubscribe
/// the cores (its pthread flavour, linked here, is safe to call concurrently).
pub(crate) fn blas_on_calling_thread() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    // SAFETY: a plain setter of an int in OpenBLAS, called once before any product.
    ONCE.call_once(|| unsafe { openblas_set_num_threads(1) });
}

fn view2<T: Elem>(c: &Chunk) -> ArrayView2<'_, T> {
    T::array(c)
        .expect("cast to the common dtype")
        .view()
        .into_dimensionality::<Ix2>()
        .expect("2-D checked")
}

fn product<T: Elem + LinalgScalar>(a: &Chunk, b: &Chunk) -> Chunk {
    let (av, bv) = (view2::<T>(a), view2::<T>(b));
    let mut out = Array2::<T>::zeros((av.nrows(), bv.ncols()));
    gemm_into(av, bv, T::zero(), out.view_mut());
    T::into_chunk(out.into_dyn())
}

/// `out = a @ b + beta * out`, in row panels across rayon's threads when the
/// product is large enough to split.
fn gemm_into<T: Elem + LinalgScalar>(
    av: ArrayView2<'_, T>,
    bv: ArrayView2<'_, T>,
    beta: T,
    mut out: ArrayViewMut2<'_, T>,
) {
    blas_on_calling_thread();
    let n = av.nrows();
    let flops = n * bv.ncols() * av.ncols();
    if n >= 2 * PANEL_ROWS && flops >= 1 << 24 {
        let threads = rayon::current_num_threads().max(1);
        let rows = n.div_ceil(threads * 2).max(PANEL_ROWS);
        out.axis_chunks_iter_mut(Axis(0), rows)
            .into_par_iter()
            .zip(av.axis_chunks_iter(Axis(0), rows).into_par_iter())
            .for_each(|(mut o, a)| general_mat_mul(T::one(), &a, &bv, beta, &mut o));
    } else {
        general_mat_mul(T::one(), &av, &bv, beta, &mut out);
    }
}

/// `acc + a @ b` for a blocked product's running sum. Float blocks of the
/// product's shape are accumulated in `acc`'s own buffer (gemm with
/// beta = 1), so a sum over k blocks allocates one output, not 2k - 1; other
/// dtypes add a separate product.
pub fn matmul2_add(acc: Chunk, a: &Chunk, b: &Chunk) -> Result<Chunk> {
    fn fits<T>(c: &ndarray::ArrayD<T>, a: &Chunk, b: &Chunk) -> bool {
        a.ndim() == 2
            && b.ndim() == 2
            && a.shape()[1] == b.shape()[0]
            && c.shape() == [a.shape()[0], b.shape()[1]]
    }
    match (acc, a, b) {
        (Chunk::F64(mut c), Chunk::F64(_), Chunk::F64(_)) if fits(&c, a, b) => {
            let out = c.view_mut().into_dimensionality::<Ix2>().expect("2-D");
            gemm_into(view2::<f64>(a), view2::<f64>(b), 1.0, out);
            Ok(Chunk::F64(c))
        }
        (Chunk::F32(mut c), Chunk::F32(_), Chunk::F32(_)) if fits(&c, a, b) => {
            let out = c.view_mut().into_dimensionality::<Ix2>().expect("2-D");
            gemm_into(view2::<f32>(a), view2::<f32>(b), 1.0, out);
            Ok(Chunk::F32(c))
        }
        (acc, a, b) => super::binary(super::BinaryOp::Add, &acc, &matmul2(a, b)?),
    }
}

/// A complex128 product through `num_complex::Complex64` (OpenBLAS's `zgemm`).
fn complex_product(a: &Chunk, b: &Chunk) -> Chunk {
    use num_complex::Complex64;
    let to = |c: &Chunk| -> Array2<Complex64> { view2::<super::C128>(c).mapv(|v| v.0) };
    let (av, bv) = (to(a), to(b));
    blas_on_calling_thread();
    let mut out = Array2::<Complex64>::zeros((av.nrows(), bv.ncols()));
    general_mat_mul(
        Complex64::new(1.0, 0.0),
        &av,
        &bv,
        Complex64::new(0.0, 0.0),
        &mut out,
    );
    Chunk::C128(out.mapv(super::C128).into_dyn())
}

/// `a @ b` for two 2-D chunks, in NumPy's promoted dtype (bool: any of ands).
pub fn matmul2(a: &Chunk, b: &Chunk) -> Result<Chunk> {
    if a.ndim() != 2 || b.ndim() != 2 {
        return Err(ChunkError::Shape(format!(
            "matmul2 needs 2-D operands, got {}-D and {}-D",
            a.ndim(),
            b.ndim()
        )));
    }
    let (k, k2) = (a.shape()[1], b.shape()[0]);
    if k != k2 {
        return Err(mismatch(a.shape(), b.shape()));
    }
    let dt = DType::promote(a.dtype(), b.dtype());
    let work = if dt == DType::Bool { DType::Int64 } else { dt };
    check_alloc(&[a.shape()[0], b.shape()[1]], work)?;
    let (a, b) = (a.cast_ref(work)?, b.cast_ref(work)?);
    let (a, b): (&Chunk, &Chunk) = (&a, &b);
    let out = match work {
        DType::Int8 => product::<i8>(a, b),
        DType::Int16 => product::<i16>(a, b),
        DType::Int32 => product::<i32>(a, b),
        DType::Int64 => product::<i64>(a, b),
        DType::UInt8 => product::<u8>(a, b),
        DType::UInt16 => product::<u16>(a, b),
        DType::UInt32 => product::<u32>(a, b),
        DType::UInt64 => product::<u64>(a, b),
        DType::Float32 => product::<f32>(a, b),
        DType::Float64 => product::<f64>(a, b),
        DType::Complex128 => complex_product(a, b),
        DType::Bool => unreachable!("bool is multiplied as int64"),
    };
    if dt == DType::Bool {
        out.astype(DType::Bool)
    } else {
        Ok(out)
    }
}

/// NumPy's message for operands whose inner dimensions differ.
pub fn mismatch(a: &[usize], b: &[usize]) -> ChunkError {
    let shape = |s: &[usize]| {
        let parts: Vec<String> = s.iter().map(|d| d.to_string()).collect();
        if parts.len() == 1 {
            format!("({},)", parts[0])
        } else {
            format!("({})", parts.join(","))
        }
    };
    ChunkError::Value(format!(
        "shapes {} and {} not aligned: {} (dim {}) != {} (dim 0)",
        shape(a),
        shape(b),
        a[a.len() - 1],
        a.len() - 1,
        b[0]
    ))
}

/// `np.dot(a, b)` for 0-, 1- and 2-D chunks (NumPy's rules: 1-D vectors are
/// treated as a row on the left and a column on the right, and the added axis
/// is dropped from the result).
pub fn dot(a: &Chunk, b: &Chunk) -> Result<Chunk> {
    if a.ndim() == 0 || b.ndim() == 0 {
        return super::binary(super::BinaryOp::Mul, a, b);
    }
    if a.ndim() > 2 || b.ndim() > 2 {
        return Err(ChunkError::Value(
            "dot of arrays with more than 2 dimensions is not supported by Tessera yet".into(),
        ));
    }
    let a_shape = a.shape().to_vec();
    let b_shape = b.shape().to_vec();
    if a_shape[a_shape.len() - 1] != b_shape[0] {
        return Err(mismatch(&a_shape, &b_shape));
    }
    let a2 = if a.ndim() == 1 {
        super::reshape(a, &[1, a_shape[0] as isize])?
    } else {
        a.clone()
    };
    let b2 = if b.ndim() == 1 {
        super::reshape(b, &[b_shape[0] as isize, 1])?
    } else {
        b.clone()
    };
    let r = matmul2(&a2, &b2)?;
    let mut shape: Vec<isize> = Vec::new();
    if a.ndim() == 2 {
        shape.push(a_shape[0] as isize);
    }
    if b.ndim() == 2 {
        shape.push(b_shape[1] as isize);
    }
    super::reshape(&r, &shape)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(v: Vec<f64>, s: &[usize]) -> Chunk {
        Chunk::from_vec(v, s).unwrap()
    }

    #[test]
    fn products_match_hand_results() {
        let a = f(vec![1., 2., 3., 4., 5., 6.], &[2, 3]);
        let b = f(vec![1., 0., 0., 1., 1., 1.], &[3, 2]);
        assert_eq!(
            matmul2(&a, &b).unwrap().to_f64_vec(),
            vec![4., 5., 10., 11.]
        );
        let v = f(vec![1., 1., 1.], &[3]);
        let r = dot(&a, &v).unwrap();
        assert_eq!((r.shape(), r.to_f64_vec()), (&[2usize][..], vec![6., 15.]));
        assert_eq!(dot(&v, &v).unwrap().to_f64_vec(), vec![3.]);
        let i = Chunk::from_vec(vec![1i64, 2, 3, 4], &[2, 2]).unwrap();
        let r = matmul2(&i, &i).unwrap();
        assert_eq!(
            (r.dtype(), r.to_f64_vec()),
            (DType::Int64, vec![7., 10., 15., 22.])
        );
    }

    #[test]
    fn parallel_panels_equal_one_thread() {
        let n = 300;
        let a = f((0..n * n).map(|i| (i % 7) as f64).collect(), &[n, n]);
        let b = f((0..n * n).map(|i| (i % 5) as f64 - 2.0).collect(), &[n, n]);
        let r = matmul2(&a, &b).unwrap().to_f64_vec();
        let (av, bv) = (view2::<f64>(&a), view2::<f64>(&b));
        let want = av.dot(&bv);
        assert_eq!(r, want.iter().copied().collect::<Vec<_>>());
    }

    #[test]
    fn blas_products_equal_a_plain_triple_loop() {
        // Odd, non-square sizes above ndarray's BLAS cutoff and the panel
        // threshold, in both BLAS dtypes.
        let (n, k, m) = (257, 130, 190);
        let a: Vec<f64> = (0..n * k).map(|i| ((i * 7) % 11) as f64 - 5.0).collect();
        let b: Vec<f64> = (0..k * m).map(|i| ((i * 3) % 13) as f64 - 6.0).collect();
        let mut want = vec![0.0; n * m];
        for i in 0..n {
            for j in 0..m {
                want[i * m + j] = (0..k).map(|p| a[i * k + p] * b[p * m + j]).sum();
            }
        }
        let (ca, cb) = (f(a, &[n, k]), f(b, &[k, m]));
        assert_eq!(matmul2(&ca, &cb).unwrap().to_f64_vec(), want);
        let (a32, b32) = (
            ca.astype(DType::Float32).unwrap(),
            cb.astype(DType::Float32).unwrap(),
        );
        let r = matmul2(&a32, &b32).unwrap();
        assert_eq!((r.dtype(), r.to_f64_vec()), (DType::Float32, want));
    }

    #[test]
    fn mismatched_shapes_say_so() {
        let a = f(vec![0.; 6], &[2, 3]);
        let e = dot(&a, &a).unwrap_err().to_string();
        assert_eq!(
            e,
            "shapes (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)"
        );
    }

    #[test]
    fn accumulated_products_equal_a_sum_of_products() {
        let (n, k) = (260, 70);
        let a = f(
            (0..n * k).map(|i| ((i * 7) % 11) as f64 - 5.0).collect(),
            &[n, k],
        );
        let b = f(
            (0..k * n).map(|i| ((i * 3) % 13) as f64 - 6.0).collect(),
            &[k, n],
        );
        let c = f((0..n * n).map(|i| (i % 17) as f64).collect(), &[n, n]);
        let want = crate::chunk::binary(crate::chunk::BinaryOp::Add, &c, &matmul2(&a, &b).unwrap())
            .unwrap()
            .to_f64_vec();
        // Small integers: every sum is exact, so the buffers must agree exactly.
        assert_eq!(matmul2_add(c.clone(), &a, &b).unwrap().to_f64_vec(), want);
        let to32 = |x: &Chunk| x.astype(DType::Float32).unwrap();
        let r = matmul2_add(to32(&c), &to32(&a), &to32(&b)).unwrap();
        assert_eq!((r.dtype(), r.to_f64_vec()), (DType::Float32, want.clone()));
        let toi = |x: &Chunk| x.astype(DType::Int64).unwrap();
        let r = matmul2_add(toi(&c), &toi(&a), &toi(&b)).unwrap();
        assert_eq!((r.dtype(), r.to_f64_vec()), (DType::Int64, want));
        // A shape that does not fit is an error from the plain path, not a panic.
        assert!(matmul2_add(f(vec![0.; 4], &[2, 2]), &a, &b).is_err());
    }
}
