//! Eager n-d kernels over `ndarray`, one enum variant per dtype.
//! Knows nothing of graphs, scheduling, the dialect or Jupyter.
//!
//! Invariant: every kernel is written once, generically over [`Elem`], and
//! reached through the [`dispatch_chunk!`] / [`with_dtype!`] macros.

/// Run `$body` with `$a` bound to the typed array inside any `Chunk` variant.
macro_rules! dispatch_chunk {
    ($c:expr, $a:ident => $body:expr) => {
        match $c {
            $crate::chunk::Chunk::Bool($a) => $body,
            $crate::chunk::Chunk::I8($a) => $body,
            $crate::chunk::Chunk::I16($a) => $body,
            $crate::chunk::Chunk::I32($a) => $body,
            $crate::chunk::Chunk::I64($a) => $body,
            $crate::chunk::Chunk::U8($a) => $body,
            $crate::chunk::Chunk::U16($a) => $body,
            $crate::chunk::Chunk::U32($a) => $body,
            $crate::chunk::Chunk::U64($a) => $body,
            $crate::chunk::Chunk::F32($a) => $body,
            $crate::chunk::Chunk::F64($a) => $body,
            $crate::chunk::Chunk::C128($a) => $body,
        }
    };
}

/// Like [`dispatch_chunk!`] but for the numeric variants (ints and floats);
/// bool chunks go to the `bool` arm.
macro_rules! dispatch_num {
    ($c:expr, $a:ident => $body:expr, bool $b:ident => $bbody:expr) => {
        match $c {
            $crate::chunk::Chunk::Bool($b) => $bbody,
            $crate::chunk::Chunk::I8($a) => $body,
            $crate::chunk::Chunk::I16($a) => $body,
            $crate::chunk::Chunk::I32($a) => $body,
            $crate::chunk::Chunk::I64($a) => $body,
            $crate::chunk::Chunk::U8($a) => $body,
            $crate::chunk::Chunk::U16($a) => $body,
            $crate::chunk::Chunk::U32($a) => $body,
            $crate::chunk::Chunk::U64($a) => $body,
            $crate::chunk::Chunk::F32($a) => $body,
            $crate::chunk::Chunk::F64($a) => $body,
            $crate::chunk::Chunk::C128(_) => Err($crate::chunk::ChunkError::DType(
                "this operation is not supported for complex128 arrays".into(),
            )),
        }
    };
}

/// Run `$body` with the type alias `$T` set to the Rust type of a `DType`.
macro_rules! with_dtype {
    ($d:expr, $T:ident => $body:expr) => {
        match $d {
            $crate::chunk::DType::Bool => {
                type $T = bool;
                $body
            }
            $crate::chunk::DType::Int8 => {
                type $T = i8;
                $body
            }
            $crate::chunk::DType::Int16 => {
                type $T = i16;
                $body
            }
            $crate::chunk::DType::Int32 => {
                type $T = i32;
                $body
            }
            $crate::chunk::DType::Int64 => {
                type $T = i64;
                $body
            }
            $crate::chunk::DType::UInt8 => {
                type $T = u8;
                $body
            }
            $crate::chunk::DType::UInt16 => {
                type $T = u16;
                $body
            }
            $crate::chunk::DType::UInt32 => {
                type $T = u32;
                $body
            }
            $crate::chunk::DType::UInt64 => {
                type $T = u64;
                $body
            }
            $crate::chunk::DType::Float32 => {
                type $T = f32;
                $body
            }
            $crate::chunk::DType::Float64 => {
                type $T = f64;
                $body
            }
            $crate::chunk::DType::Complex128 => {
                type $T = $crate::chunk::complex::C128;
                $body
            }
        }
    };
}

/// Like [`with_dtype!`] for code that only handles real dtypes (file formats,
/// BLAS): complex128 evaluates `$complex` instead.
macro_rules! with_real_dtype {
    ($d:expr, $T:ident => $body:expr, complex => $complex:expr) => {
        match $d {
            $crate::chunk::DType::Bool => {
                type $T = bool;
                $body
            }
            $crate::chunk::DType::Int8 => {
                type $T = i8;
                $body
            }
            $crate::chunk::DType::Int16 => {
                type $T = i16;
                $body
            }
            $crate::chunk::DType::Int32 => {
                type $T = i32;
                $body
            }
            $crate::chunk::DType::Int64 => {
                type $T = i64;
                $body
            }
            $crate::chunk::DType::UInt8 => {
                type $T = u8;
                $body
            }
            $crate::chunk::DType::UInt16 => {
                type $T = u16;
                $body
            }
            $crate::chunk::DType::UInt32 => {
                type $T = u32;
                $body
            }
            $crate::chunk::DType::UInt64 => {
                type $T = u64;
                $body
            }
            $crate::chunk::DType::Float32 => {
                type $T = f32;
                $body
            }
            $crate::chunk::DType::Float64 => {
                type $T = f64;
                $body
            }
            $crate::chunk::DType::Complex128 => $complex,
        }
    };
}

/// Like [`dispatch_chunk!`] for code that only handles real dtypes:
/// a complex128 chunk evaluates `$complex` instead.
macro_rules! dispatch_real {
    ($c:expr, $a:ident => $body:expr, complex => $complex:expr) => {
        match $c {
            $crate::chunk::Chunk::Bool($a) => $body,
            $crate::chunk::Chunk::I8($a) => $body,
            $crate::chunk::Chunk::I16($a) => $body,
            $crate::chunk::Chunk::I32($a) => $body,
            $crate::chunk::Chunk::I64($a) => $body,
            $crate::chunk::Chunk::U8($a) => $body,
            $crate::chunk::Chunk::U16($a) => $body,
            $crate::chunk::Chunk::U32($a) => $body,
            $crate::chunk::Chunk::U64($a) => $body,
            $crate::chunk::Chunk::F32($a) => $body,
            $crate::chunk::Chunk::F64($a) => $body,
            $crate::chunk::Chunk::C128(_) => $complex,
        }
    };
}

#[allow(unused_imports)]
pub(crate) use {dispatch_chunk, dispatch_num, dispatch_real, with_dtype, with_real_dtype};

mod arith;
pub mod arrange;
pub mod assemble;
pub mod blocks;
#[allow(clippy::module_inception)]
mod chunk;
pub mod combine;
pub mod complex;
mod construct;
pub mod cumulative;
pub mod dtype;
pub mod einsum;
pub mod einsum_exec;
mod element;
pub mod elementwise;
pub mod error;
mod floatfmt;
pub mod format;
pub mod histogram;
pub mod index;
mod kernel;
mod lanes;
pub mod lapack;
pub mod linalg;
pub mod nanfix;
pub mod nplinalg;
pub mod nplinalg_more;
pub mod npy;
mod outer;
pub mod pad;
pub mod pad_fill;
pub mod partial;
pub mod random;
pub mod reduce;
pub mod round;
mod scalar;
pub mod select;
pub mod setitem;
pub mod setops;
mod strided;
pub mod topk;
pub mod ufunc;
mod ziggurat;

pub use arith::{Arith, FloatArith};
pub use assemble::{assemble, concatenate};
pub use chunk::Chunk;
pub use combine::{combine, combine_refs, stitch};
pub use complex::C128;
pub use cumulative::{cumulative, last_along, ScanOp};
pub use dtype::{DType, Kind, PyScalarKind};
pub use element::Elem;
pub use elementwise::{binary, binary_scalar, BinaryOp, PyScalar};
pub use error::{ChunkError, Result};
pub use index::{
    mask_axis, mask_select, reshape, resolve_shape, slice, take, transpose, IndexElem,
};
pub use kernel::{broadcast_shapes, check_alloc, norm_axes, norm_axis, shape_str, PAR_THRESHOLD};
pub use lanes::{keepdims_shape, squeezed_shape};
pub use partial::{finalize, partial, partial_at, Moments, Partial, PartialData};
pub use random::{BlockSpec, CounterRng};
pub use reduce::{reduce, ReduceOp};
pub use round::round;
pub use scalar::Scalar;
pub use ufunc::{unary, UnaryOp};
