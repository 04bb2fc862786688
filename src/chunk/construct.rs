//! Chunk constructors: zeros, ones, full, empty, arange, linspace, eye.

use super::error::{ChunkError, Result};
use super::kernel::check_alloc;
use super::{Chunk, DType, Elem, Scalar};
use ndarray::{ArrayD, IxDyn};

/// An empty vector with room for every element of `shape`, or the
/// AllocationTooLarge error (MemoryError) when the memory cannot be had.
fn room_for<T: Elem>(shape: &[usize]) -> Result<Vec<T>> {
    let n = check_alloc(shape, T::DTYPE)?;
    let mut data: Vec<T> = Vec::new();
    data.try_reserve_exact(n).map_err(|_| {
        ChunkError::AllocationTooLarge(
            format!("{} B", n * T::DTYPE.itemsize()),
            super::kernel::shape_str(shape),
            T::DTYPE.name().into(),
        )
    })?;
    Ok(data)
}

fn filled<T: Elem>(shape: &[usize], v: T) -> Result<Chunk> {
    // Ask first, so a failed allocation is an error (MemoryError), not an abort.
    drop(room_for::<T>(shape)?);
    let n: usize = shape.iter().product();
    // For a zero `v`, `vec!` takes a zeroed allocation: a big block arrives as
    // untouched zero pages instead of being written element by element (a
    // 160 MB rechunk target costs microseconds, not a 100 ms memset).
    let data = vec![v; n];
    Ok(T::into_chunk(
        ArrayD::from_shape_vec(IxDyn(shape), data).expect("size matches"),
    ))
}

fn from_bands<T: Elem>(
    shape: &[usize],
    next_band: &mut dyn FnMut() -> Option<Result<Chunk>>,
) -> Result<Chunk> {
    let mut data = room_for::<T>(shape)?;
    let n: usize = shape.iter().product();
    while let Some(band) = next_band() {
        let band = band?;
        let a = T::array(&band).ok_or_else(|| {
            ChunkError::Value(format!(
                "from_row_bands: a {} band for a {} array",
                band.dtype().name(),
                T::DTYPE.name()
            ))
        })?;
        if data.len() + a.len() > n || a.shape().get(1..) != shape.get(1..) {
            return Err(ChunkError::Shape(
                "from_row_bands: bands do not tile the array".into(),
            ));
        }
        match a.as_slice() {
            Some(s) => data.extend_from_slice(s),
            None => data.extend(a.iter().copied()),
        }
    }
    if data.len() != n {
        return Err(ChunkError::Shape(
            "from_row_bands: bands do not tile the array".into(),
        ));
    }
    Ok(T::into_chunk(
        ArrayD::from_shape_vec(IxDyn(shape), data).expect("size matches"),
    ))
}

impl Chunk {
    /// An array of `shape` built from row bands (arrays covering consecutive
    /// ranges of the first axis, in order) appended as `next_band` yields
    /// them: no zero-filled array first, so a big block is written once and
    /// its pages are touched band by band (the caller can stop in between).
    pub fn from_row_bands(
        shape: &[usize],
        dtype: DType,
        mut next_band: impl FnMut() -> Option<Result<Chunk>>,
    ) -> Result<Chunk> {
        with_dtype!(dtype, T => from_bands::<T>(shape, &mut next_band))
    }

    /// An array of zeros (`np.zeros`).
    pub fn zeros(shape: &[usize], dtype: DType) -> Result<Chunk> {
        with_dtype!(dtype, T => filled::<T>(shape, T::from_bool(false)))
    }

    /// An array of ones (`np.ones`).
    pub fn ones(shape: &[usize], dtype: DType) -> Result<Chunk> {
        with_dtype!(dtype, T => filled::<T>(shape, T::from_bool(true)))
    }

    /// A copy of this array repeated to `shape` by NumPy's broadcasting rules
    /// (`np.broadcast_to`, and the right-hand side of slice assignment).
    pub fn broadcast_to(&self, shape: &[usize]) -> Result<Chunk> {
        let err = || {
            ChunkError::Value(format!(
                "could not broadcast input array from shape {} into shape {}",
                super::kernel::shape_str(self.shape()),
                super::kernel::shape_str(shape)
            ))
        };
        check_alloc(shape, self.dtype())?;
        dispatch_chunk!(self, a => {
            let view = a.broadcast(IxDyn(shape)).ok_or_else(err)?;
            Ok(Elem::into_chunk(view.to_owned()))
        })
    }

    /// `np.empty`: Tessera zero-fills (no uninitialised memory).
    pub fn empty(shape: &[usize], dtype: DType) -> Result<Chunk> {
        Chunk::zeros(shape, dtype)
    }

    /// An array filled with `value` cast to `dtype` (`np.full`).
    pub fn full(shape: &[usize], value: Scalar, dtype: DType) -> Result<Chunk> {
        with_dtype!(dtype, T => filled::<T>(shape, value.get::<T>()))
    }

    /// `np.arange(start, stop, step, dtype)`; values `start + i*step`.
    /// Integer dtypes are computed exactly in i64 when the inputs are integral.
    pub fn arange(start: f64, stop: f64, step: f64, dtype: DType) -> Result<Chunk> {
        if step == 0.0 {
            return Err(ChunkError::Value("Maximum allowed size exceeded".into()));
        }
        let len = ((stop - start) / step).ceil();
        let n = if len.is_nan() {
            return Err(ChunkError::Value("arange: cannot compute length".into()));
        } else if len <= 0.0 {
            0
        } else if len > (isize::MAX as f64) {
            return Err(ChunkError::Value("Maximum allowed size exceeded".into()));
        } else {
            len as usize
        };
        check_alloc(&[n], dtype)?;
        let int_args = start.fract() == 0.0 && step.fract() == 0.0;
        Ok(with_dtype!(dtype, T => {
            let v: Vec<T> = if !dtype.is_float() && int_args {
                let (s, st) = (start as i64, step as i64);
                (0..n as i64).map(|i| T::from_i64(s.wrapping_add(i.wrapping_mul(st)))).collect()
            } else {
                (0..n).map(|i| T::from_f64(start + i as f64 * step)).collect()
            };
            T::into_chunk(ArrayD::from_shape_vec(IxDyn(&[n]), v).expect("len"))
        }))
    }

    /// `np.linspace(start, stop, num, endpoint, dtype)`; integer dtypes floor.
    pub fn linspace(
        start: f64,
        stop: f64,
        num: usize,
        endpoint: bool,
        dtype: DType,
    ) -> Result<Chunk> {
        check_alloc(&[num], dtype)?;
        let div = if endpoint { num.saturating_sub(1) } else { num };
        let delta = stop - start;
        let step = if div > 0 {
            delta / div as f64
        } else {
            f64::NAN
        };
        let mut v: Vec<f64> = (0..num)
            .map(|i| {
                if div > 0 {
                    i as f64 * step + start
                } else {
                    i as f64 * delta + start
                }
            })
            .collect();
        if endpoint && num > 1 {
            v[num - 1] = stop;
        }
        Ok(with_dtype!(dtype, T => {
            let data: Vec<T> = v
                .iter()
                .map(|&x| if dtype.is_float() { T::from_f64(x) } else { T::from_f64(x.floor()) })
                .collect();
            T::into_chunk(ArrayD::from_shape_vec(IxDyn(&[num]), data).expect("len"))
        }))
    }

    /// `np.eye(n, m, k, dtype)`: ones on the k-th diagonal.
    pub fn eye(n: usize, m: Option<usize>, k: isize, dtype: DType) -> Result<Chunk> {
        let m = m.unwrap_or(n);
        let mut c = Chunk::zeros(&[n, m], dtype)?;
        dispatch_chunk!(&mut c, a => {
            for i in 0..n {
                let j = i as isize + k;
                if j >= 0 && (j as usize) < m {
                    a[[i, j as usize]] = Elem::from_bool(true);
                }
            }
        });
        Ok(c)
    }
}
