//! `Scalar`: one typed value, the result of full reductions and `item()`.

use super::{Chunk, DType, Elem};
use ndarray::ArrayD;
use std::fmt;

/// A single value of one dtype (NumPy scalar such as `np.float64(1.5)`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scalar {
    /// bool
    Bool(bool),
    /// int8
    I8(i8),
    /// int16
    I16(i16),
    /// int32
    I32(i32),
    /// int64
    I64(i64),
    /// uint8
    U8(u8),
    /// uint16
    U16(u16),
    /// uint32
    U32(u32),
    /// uint64
    U64(u64),
    /// float32
    F32(f32),
    /// float64
    F64(f64),
    /// complex128
    C128(super::C128),
}

macro_rules! scalar_dispatch {
    ($s:expr, $v:ident => $body:expr) => {
        match $s {
            Scalar::Bool($v) => $body,
            Scalar::I8($v) => $body,
            Scalar::I16($v) => $body,
            Scalar::I32($v) => $body,
            Scalar::I64($v) => $body,
            Scalar::U8($v) => $body,
            Scalar::U16($v) => $body,
            Scalar::U32($v) => $body,
            Scalar::U64($v) => $body,
            Scalar::F32($v) => $body,
            Scalar::F64($v) => $body,
            Scalar::C128($v) => $body,
        }
    };
}

impl Scalar {
    /// Wrap a typed element.
    pub fn from_elem<T: Elem>(v: T) -> Scalar {
        Scalar::cast_from(v)
    }

    fn cast_from<T: Elem>(v: T) -> Scalar {
        match T::DTYPE {
            DType::Bool => Scalar::Bool(v.cast()),
            DType::Int8 => Scalar::I8(v.cast()),
            DType::Int16 => Scalar::I16(v.cast()),
            DType::Int32 => Scalar::I32(v.cast()),
            DType::Int64 => Scalar::I64(v.cast()),
            DType::UInt8 => Scalar::U8(v.cast()),
            DType::UInt16 => Scalar::U16(v.cast()),
            DType::UInt32 => Scalar::U32(v.cast()),
            DType::UInt64 => Scalar::U64(v.cast()),
            DType::Float32 => Scalar::F32(v.cast()),
            DType::Float64 => Scalar::F64(v.cast()),
            DType::Complex128 => Scalar::C128(v.cast()),
        }
    }

    /// The dtype of the value.
    pub fn dtype(&self) -> DType {
        scalar_dispatch!(*self, v => elem_dtype(v))
    }

    /// Convert to another dtype with NumPy casting.
    pub fn astype(&self, d: DType) -> Scalar {
        scalar_dispatch!(*self, v => with_dtype!(d, T => Scalar::from_elem(v.cast::<T>())))
    }

    /// Extract as a given element type (casting).
    pub fn get<T: Elem>(&self) -> T {
        scalar_dispatch!(*self, v => v.cast::<T>())
    }

    /// As f64.
    pub fn to_f64(&self) -> f64 {
        self.get::<f64>()
    }

    /// As i64 (floats truncate).
    pub fn to_i64(&self) -> i64 {
        self.get::<i64>()
    }

    /// Truthiness.
    pub fn to_bool(&self) -> bool {
        self.get::<bool>()
    }

    /// A 0-d chunk of this value.
    pub fn to_chunk(&self) -> Chunk {
        scalar_dispatch!(*self, v => Elem::into_chunk(ArrayD::from_elem(ndarray::IxDyn(&[]), v)))
    }
}

fn elem_dtype<T: Elem>(_: T) -> DType {
    T::DTYPE
}

impl fmt::Display for Scalar {
    /// Python-style `str()` of the value (`1.5`, `3`, `True`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&super::format::scalar_str(self))
    }
}
