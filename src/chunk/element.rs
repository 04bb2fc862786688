//! The `Elem` trait: what every element type offers so kernels are written once.

use super::{Chunk, DType, Kind};
use ndarray::ArrayD;
use std::fmt::Debug;

/// An element type a `Chunk` variant can hold, with NumPy casting semantics.
pub trait Elem: Copy + Send + Sync + PartialOrd + PartialEq + Default + Debug + 'static {
    /// The dtype this Rust type stands for.
    const DTYPE: DType;
    /// Wrap an array of this type into its `Chunk` variant.
    fn into_chunk(a: ArrayD<Self>) -> Chunk;
    /// Borrow the array if `c` holds this type.
    fn array(c: &Chunk) -> Option<&ArrayD<Self>>;
    /// Value as f64 (exact for ints up to 2^53).
    fn to_f64(self) -> f64;
    /// Value as i64 (wrapping for u64, truncation for floats).
    fn to_i64(self) -> i64;
    /// Value as u64 (wrapping for negatives).
    fn to_u64(self) -> u64;
    /// Truthiness (non-zero).
    fn to_bool(self) -> bool;
    /// NumPy float → this type cast (truncation toward zero; wraps like x86 NumPy).
    fn from_f64(v: f64) -> Self;
    /// Signed int → this type (wrapping).
    fn from_i64(v: i64) -> Self;
    /// Unsigned int → this type (wrapping).
    fn from_u64(v: u64) -> Self;
    /// Bool → this type (0/1).
    fn from_bool(v: bool) -> Self;
    /// As a complex number (the value itself for complex128, else `v + 0j`).
    fn to_complex(self) -> num_complex::Complex64 {
        num_complex::Complex64::new(self.to_f64(), 0.0)
    }
    /// From a complex number: the real part (NumPy's complex → real cast).
    fn from_complex(v: num_complex::Complex64) -> Self {
        Self::from_f64(v.re)
    }
    /// NaN test (false for non-floats).
    fn is_nan(self) -> bool {
        false
    }
    /// Cast to another element type with NumPy's `astype` semantics.
    #[inline]
    fn cast<U: Elem>(self) -> U {
        match Self::DTYPE.kind() {
            Kind::Float => U::from_f64(self.to_f64()),
            Kind::Int => U::from_i64(self.to_i64()),
            Kind::UInt => U::from_u64(self.to_u64()),
            Kind::Bool => U::from_bool(self.to_bool()),
            Kind::Complex => U::from_complex(self.to_complex()),
        }
    }
}

impl Elem for bool {
    const DTYPE: DType = DType::Bool;
    fn into_chunk(a: ArrayD<Self>) -> Chunk {
        Chunk::Bool(a)
    }
    fn array(c: &Chunk) -> Option<&ArrayD<Self>> {
        match c {
            Chunk::Bool(a) => Some(a),
            _ => None,
        }
    }
    #[inline]
    fn to_f64(self) -> f64 {
        self as u8 as f64
    }
    #[inline]
    fn to_i64(self) -> i64 {
        self as i64
    }
    #[inline]
    fn to_u64(self) -> u64 {
        self as u64
    }
    #[inline]
    fn to_bool(self) -> bool {
        self
    }
    #[inline]
    fn from_f64(v: f64) -> Self {
        v != 0.0
    }
    #[inline]
    fn from_i64(v: i64) -> Self {
        v != 0
    }
    #[inline]
    fn from_u64(v: u64) -> Self {
        v != 0
    }
    #[inline]
    fn from_bool(v: bool) -> Self {
        v
    }
    fn from_complex(v: num_complex::Complex64) -> Self {
        v.re != 0.0 || v.im != 0.0
    }
}

/// 2^63 as a float.
const TWO_POW_63: f64 = (1u64 << 63) as f64;

/// Float → int the way NumPy does on x86: truncate, then wrap into the target
/// width; NaN and values outside i64 become i64::MIN (the "integer indefinite").
#[inline]
fn f64_to_i64_bits(v: f64) -> i64 {
    if v.is_finite() && v.abs() < TWO_POW_63 {
        v as i64
    } else {
        i64::MIN
    }
}

/// Same for targets NumPy converts through a 32-bit int (int8..int32, uint8, uint16).
#[inline]
fn f64_to_i32_bits(v: f64) -> i32 {
    if v.is_finite() && v.abs() < 2_147_483_648.0 {
        v as i32
    } else {
        i32::MIN
    }
}

macro_rules! int_elem {
    ($t:ty, $dt:ident, $var:ident) => {
        impl Elem for $t {
            const DTYPE: DType = DType::$dt;
            fn into_chunk(a: ArrayD<Self>) -> Chunk {
                Chunk::$var(a)
            }
            fn array(c: &Chunk) -> Option<&ArrayD<Self>> {
                match c {
                    Chunk::$var(a) => Some(a),
                    _ => None,
                }
            }
            #[inline]
            fn to_f64(self) -> f64 {
                self as f64
            }
            #[inline]
            fn to_i64(self) -> i64 {
                self as i64
            }
            #[inline]
            fn to_u64(self) -> u64 {
                self as u64
            }
            #[inline]
            fn to_bool(self) -> bool {
                self != 0
            }
            #[inline]
            fn from_f64(v: f64) -> Self {
                match DType::$dt {
                    DType::UInt64 if (TWO_POW_63..2.0 * TWO_POW_63).contains(&v) => v as u64 as $t,
                    DType::Int64 | DType::UInt64 | DType::UInt32 => f64_to_i64_bits(v) as $t,
                    _ => f64_to_i32_bits(v) as $t,
                }
            }
            #[inline]
            fn from_i64(v: i64) -> Self {
                v as $t
            }
            #[inline]
            fn from_u64(v: u64) -> Self {
                v as $t
            }
            #[inline]
            fn from_bool(v: bool) -> Self {
                v as $t
            }
        }
    };
}

int_elem!(i8, Int8, I8);
int_elem!(i16, Int16, I16);
int_elem!(i32, Int32, I32);
int_elem!(i64, Int64, I64);
int_elem!(u8, UInt8, U8);
int_elem!(u16, UInt16, U16);
int_elem!(u32, UInt32, U32);
int_elem!(u64, UInt64, U64);

macro_rules! float_elem {
    ($t:ty, $dt:ident, $var:ident) => {
        impl Elem for $t {
            const DTYPE: DType = DType::$dt;
            fn into_chunk(a: ArrayD<Self>) -> Chunk {
                Chunk::$var(a)
            }
            fn array(c: &Chunk) -> Option<&ArrayD<Self>> {
                match c {
                    Chunk::$var(a) => Some(a),
                    _ => None,
                }
            }
            #[inline]
            fn to_f64(self) -> f64 {
                self as f64
            }
            #[inline]
            fn to_i64(self) -> i64 {
                f64_to_i64_bits(self as f64)
            }
            #[inline]
            fn to_u64(self) -> u64 {
                <u64 as Elem>::from_f64(self as f64)
            }
            #[inline]
            fn to_bool(self) -> bool {
                self != 0.0
            }
            #[inline]
            fn from_f64(v: f64) -> Self {
                v as $t
            }
            #[inline]
            fn from_i64(v: i64) -> Self {
                v as $t
            }
            #[inline]
            fn from_u64(v: u64) -> Self {
                v as $t
            }
            #[inline]
            fn from_bool(v: bool) -> Self {
                v as u8 as $t
            }
            #[inline]
            fn is_nan(self) -> bool {
                self.is_nan()
            }
        }
    };
}

float_elem!(f32, Float32, F32);
float_elem!(f64, Float64, F64);
