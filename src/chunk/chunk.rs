//! The `Chunk` enum: one n-d array of one dtype, the unit every kernel works on.

use super::error::{ChunkError, Result};
use super::kernel::{check_alloc, map1, shape_str};
use super::{DType, Elem, Scalar};
use ndarray::{ArrayD, IxDyn};

/// An eager n-d array: one variant per dtype over `ndarray::ArrayD<T>`.
#[derive(Debug, Clone, PartialEq)]
pub enum Chunk {
    /// bool
    Bool(ArrayD<bool>),
    /// int8
    I8(ArrayD<i8>),
    /// int16
    I16(ArrayD<i16>),
    /// int32
    I32(ArrayD<i32>),
    /// int64
    I64(ArrayD<i64>),
    /// uint8
    U8(ArrayD<u8>),
    /// uint16
    U16(ArrayD<u16>),
    /// uint32
    U32(ArrayD<u32>),
    /// uint64
    U64(ArrayD<u64>),
    /// float32
    F32(ArrayD<f32>),
    /// float64
    F64(ArrayD<f64>),
    /// complex128
    C128(ArrayD<super::complex::C128>),
}

impl Chunk {
    /// Build a chunk from a flat C-order vector and a shape.
    pub fn from_vec<T: Elem>(data: Vec<T>, shape: &[usize]) -> Result<Chunk> {
        let n: usize = shape.iter().product();
        if n != data.len() {
            return Err(ChunkError::Shape(format!(
                "cannot reshape array of size {} into shape {}",
                data.len(),
                shape_str(shape)
            )));
        }
        let a = ArrayD::from_shape_vec(IxDyn(shape), data)
            .map_err(|e| ChunkError::Shape(e.to_string()))?;
        Ok(T::into_chunk(a))
    }

    /// Wrap a typed array.
    pub fn from_array<T: Elem>(a: ArrayD<T>) -> Chunk {
        T::into_chunk(a)
    }

    /// A 0-d chunk holding one scalar.
    pub fn from_scalar(s: Scalar) -> Chunk {
        s.to_chunk()
    }

    /// The dtype of the elements.
    pub fn dtype(&self) -> DType {
        dispatch_chunk!(self, a => elem_dtype(a))
    }

    /// The shape.
    pub fn shape(&self) -> &[usize] {
        dispatch_chunk!(self, a => a.shape())
    }

    /// Number of dimensions.
    pub fn ndim(&self) -> usize {
        self.shape().len()
    }

    /// Number of elements.
    pub fn size(&self) -> usize {
        self.shape().iter().product()
    }

    /// Bytes held by the elements (size × itemsize), as NumPy's `nbytes`.
    pub fn nbytes(&self) -> usize {
        self.size() * self.dtype().itemsize()
    }

    /// Borrow the typed array if the chunk is of type `T`.
    pub fn as_array<T: Elem>(&self) -> Option<&ArrayD<T>> {
        T::array(self)
    }

    /// Convert to another dtype (NumPy `astype`, unsafe casting: floats truncate
    /// toward zero, ints wrap). Returns a copy even when the dtype is unchanged.
    pub fn astype(&self, dtype: DType) -> Result<Chunk> {
        check_alloc(self.shape(), dtype)?;
        Ok(dispatch_chunk!(self, a => cast_array(a, dtype)))
    }

    /// Like `astype` but returns `self` unchanged (cheap clone) if already `dtype`.
    pub fn to_dtype(&self, dtype: DType) -> Result<Chunk> {
        if self.dtype() == dtype {
            Ok(self.clone())
        } else {
            self.astype(dtype)
        }
    }

    /// Borrow the chunk when it already has `dtype`, else cast a copy: the
    /// kernels' way of agreeing on a working dtype without copying operands.
    pub fn cast_ref(&self, dtype: DType) -> Result<std::borrow::Cow<'_, Chunk>> {
        if self.dtype() == dtype {
            Ok(std::borrow::Cow::Borrowed(self))
        } else {
            self.astype(dtype).map(std::borrow::Cow::Owned)
        }
    }

    /// Typed copy of the array, casting if needed.
    pub fn to_typed<T: Elem>(&self) -> ArrayD<T> {
        match T::array(self) {
            Some(a) => a.clone(),
            None => dispatch_chunk!(self, a => map1(a, |x| x.cast::<T>())),
        }
    }

    /// The single element of a size-1 chunk (NumPy's `item()`), else an error.
    pub fn item(&self) -> Result<Scalar> {
        if self.size() != 1 {
            return Err(ChunkError::Value(
                "can only convert an array of size 1 to a Python scalar".into(),
            ));
        }
        Ok(self.get_flat(0))
    }

    /// The element at C-order flat position `i` (panics if out of range).
    pub fn get_flat(&self, i: usize) -> Scalar {
        dispatch_chunk!(self, a => {
            let v = if let Some(s) = a.as_slice() { s[i] } else { *a.iter().nth(i).expect("flat index in range") };
            Scalar::from_elem(v)
        })
    }

    /// All elements in C order as f64 (for displays and tests).
    pub fn to_f64_vec(&self) -> Vec<f64> {
        dispatch_chunk!(self, a => a.iter().map(|x| x.to_f64()).collect())
    }

    /// True when the two chunks have equal shape, dtype and values (NaN == NaN).
    pub fn same_values(&self, other: &Chunk) -> bool {
        if self.dtype() != other.dtype() || self.shape() != other.shape() {
            return false;
        }
        dispatch_chunk!(self, a => same_typed(a, other))
    }
}

fn same_typed<T: Elem>(a: &ArrayD<T>, other: &Chunk) -> bool {
    let b = T::array(other).expect("same dtype");
    a.iter()
        .zip(b.iter())
        .all(|(x, y)| x == y || (x.is_nan() && y.is_nan()))
}

fn elem_dtype<T: Elem>(_: &ArrayD<T>) -> DType {
    T::DTYPE
}

/// Cast a typed array to the variant of `dtype`.
pub(crate) fn cast_array<S: Elem>(a: &ArrayD<S>, dtype: DType) -> Chunk {
    with_dtype!(dtype, T => T::into_chunk(map1(a, |x| x.cast::<T>())))
}

#[cfg(test)]
#[path = "chunk_tests.rs"]
mod tests;
