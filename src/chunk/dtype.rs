//! NumPy data types and NumPy 2 type-promotion rules.

use super::error::ChunkError;
use std::fmt;

/// The element types a chunk can hold (NumPy's numeric dtypes minus float16
/// and complex64: complex results are always complex128).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DType {
    /// `bool`
    Bool,
    /// `int8`
    Int8,
    /// `int16`
    Int16,
    /// `int32`
    Int32,
    /// `int64`
    Int64,
    /// `uint8`
    UInt8,
    /// `uint16`
    UInt16,
    /// `uint32`
    UInt32,
    /// `uint64`
    UInt64,
    /// `float32`
    Float32,
    /// `float64`
    Float64,
    /// `complex128`
    Complex128,
}

/// NumPy's dtype "kind" letter groups, used by promotion and kernels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `b`
    Bool,
    /// `i`
    Int,
    /// `u`
    UInt,
    /// `f`
    Float,
    /// `c`
    Complex,
}

/// The kind of a Python scalar operand, which promotes "weakly" (NEP 50).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PyScalarKind {
    /// A Python `bool`.
    Bool,
    /// A Python `int`.
    Int,
    /// A Python `float`.
    Float,
    /// A Python `complex`.
    Complex,
}

impl DType {
    /// Every dtype, in NumPy's canonical order.
    pub const ALL: [DType; 12] = [
        DType::Bool,
        DType::Int8,
        DType::Int16,
        DType::Int32,
        DType::Int64,
        DType::UInt8,
        DType::UInt16,
        DType::UInt32,
        DType::UInt64,
        DType::Float32,
        DType::Float64,
        DType::Complex128,
    ];

    /// NumPy's name, e.g. `"float64"`.
    pub fn name(self) -> &'static str {
        match self {
            DType::Bool => "bool",
            DType::Int8 => "int8",
            DType::Int16 => "int16",
            DType::Int32 => "int32",
            DType::Int64 => "int64",
            DType::UInt8 => "uint8",
            DType::UInt16 => "uint16",
            DType::UInt32 => "uint32",
            DType::UInt64 => "uint64",
            DType::Float32 => "float32",
            DType::Float64 => "float64",
            DType::Complex128 => "complex128",
        }
    }

    /// NumPy's short type string, e.g. `"<f8"` (little-endian; `"|b1"` for bytes).
    pub fn str_code(self) -> &'static str {
        match self {
            DType::Bool => "|b1",
            DType::Int8 => "|i1",
            DType::Int16 => "<i2",
            DType::Int32 => "<i4",
            DType::Int64 => "<i8",
            DType::UInt8 => "|u1",
            DType::UInt16 => "<u2",
            DType::UInt32 => "<u4",
            DType::UInt64 => "<u8",
            DType::Float32 => "<f4",
            DType::Float64 => "<f8",
            DType::Complex128 => "<c16",
        }
    }

    /// Bytes per element.
    pub fn itemsize(self) -> usize {
        match self {
            DType::Bool | DType::Int8 | DType::UInt8 => 1,
            DType::Int16 | DType::UInt16 => 2,
            DType::Int32 | DType::UInt32 | DType::Float32 => 4,
            DType::Int64 | DType::UInt64 | DType::Float64 => 8,
            DType::Complex128 => 16,
        }
    }

    /// The kind group of this dtype.
    pub fn kind(self) -> Kind {
        match self {
            DType::Bool => Kind::Bool,
            DType::Int8 | DType::Int16 | DType::Int32 | DType::Int64 => Kind::Int,
            DType::UInt8 | DType::UInt16 | DType::UInt32 | DType::UInt64 => Kind::UInt,
            DType::Float32 | DType::Float64 => Kind::Float,
            DType::Complex128 => Kind::Complex,
        }
    }

    /// NumPy's kind letter (`'b'`, `'i'`, `'u'`, `'f'`).
    pub fn kind_char(self) -> char {
        match self.kind() {
            Kind::Bool => 'b',
            Kind::Int => 'i',
            Kind::UInt => 'u',
            Kind::Float => 'f',
            Kind::Complex => 'c',
        }
    }

    /// True for int and uint dtypes (not bool).
    pub fn is_integer(self) -> bool {
        matches!(self.kind(), Kind::Int | Kind::UInt)
    }

    /// True for float dtypes.
    pub fn is_float(self) -> bool {
        self.kind() == Kind::Float
    }

    /// True for complex128.
    pub fn is_complex(self) -> bool {
        self == DType::Complex128
    }

    /// True when the repr of an array of this dtype omits `dtype=` (NumPy's defaults).
    pub fn is_repr_default(self) -> bool {
        matches!(
            self,
            DType::Bool | DType::Int64 | DType::Float64 | DType::Complex128
        )
    }

    fn signed_of_size(size: usize) -> DType {
        match size {
            1 => DType::Int8,
            2 => DType::Int16,
            4 => DType::Int32,
            _ => DType::Int64,
        }
    }

    /// NumPy `result_type` / `promote_types` for two array dtypes.
    pub fn promote(a: DType, b: DType) -> DType {
        use Kind::*;
        if a == b {
            return a;
        }
        if a.is_complex() || b.is_complex() {
            return DType::Complex128;
        }
        match (a.kind(), b.kind()) {
            (Bool, _) => b,
            (_, Bool) => a,
            (Int, Int) | (UInt, UInt) | (Float, Float) => {
                if a.itemsize() >= b.itemsize() {
                    a
                } else {
                    b
                }
            }
            (Int, UInt) | (UInt, Int) => {
                let (s, u) = if a.kind() == Int { (a, b) } else { (b, a) };
                if s.itemsize() > u.itemsize() {
                    s
                } else if u.itemsize() < 8 {
                    DType::signed_of_size(u.itemsize() * 2)
                } else {
                    DType::Float64
                }
            }
            (Complex, _) | (_, Complex) => DType::Complex128,
            (Float, _) | (_, Float) => {
                let (f, i) = if a.kind() == Float { (a, b) } else { (b, a) };
                if f == DType::Float64 || i.itemsize() >= 4 {
                    DType::Float64
                } else {
                    DType::Float32
                }
            }
        }
    }

    /// Promotion of an array dtype with a Python scalar (NEP 50 "weak" scalars):
    /// a Python int keeps an integer array's dtype, a Python float keeps a float
    /// array's dtype and turns bool/int arrays into float64.
    pub fn promote_scalar(a: DType, s: PyScalarKind) -> DType {
        match (a.kind(), s) {
            (_, PyScalarKind::Complex) => DType::Complex128,
            (_, PyScalarKind::Bool) => a,
            (Kind::Bool, PyScalarKind::Int) => DType::Int64,
            (_, PyScalarKind::Int) => a,
            (Kind::Float | Kind::Complex, PyScalarKind::Float) => a,
            (_, PyScalarKind::Float) => DType::Float64,
        }
    }

    /// Dtype of `a / b` (true division): float results, float64 for ints/bools.
    pub fn true_divide(a: DType, b: DType) -> DType {
        let r = DType::promote(a, b);
        if r.is_float() || r.is_complex() {
            r
        } else {
            DType::Float64
        }
    }

    /// Dtype of float ufuncs (sin, exp, sqrt, ...) on an input dtype. NumPy gives
    /// float16 for 1-byte inputs; Tessera has no float16 and uses float32.
    pub fn float_result(a: DType) -> DType {
        match a {
            DType::Float32 | DType::Float64 | DType::Complex128 => a,
            DType::Bool | DType::Int8 | DType::UInt8 | DType::Int16 | DType::UInt16 => {
                DType::Float32
            }
            _ => DType::Float64,
        }
    }

    /// Dtype of `sum`/`prod`/`cumsum` results: small ints widen to the platform int.
    pub fn sum_result(a: DType) -> DType {
        match a.kind() {
            Kind::Bool | Kind::Int => DType::Int64,
            Kind::UInt => DType::UInt64,
            Kind::Float | Kind::Complex => a,
        }
    }

    /// Dtype of `mean`/`var`/`std` results.
    pub fn mean_result(a: DType) -> DType {
        if a.is_float() || a.is_complex() {
            a
        } else {
            DType::Float64
        }
    }

    /// Parse a NumPy dtype spelling: names (`"float64"`), short codes (`"f8"`,
    /// `"<i4"`), Python type names (`"int"`, `"float"`, `"bool"`) and chars (`"d"`).
    pub fn parse(s: &str) -> Result<DType, ChunkError> {
        let t = s.trim();
        let t = t.strip_prefix("numpy.").unwrap_or(t);
        let t = t.strip_prefix("np.").unwrap_or(t);
        let t = t.trim_start_matches(['<', '=', '|', '>']);
        let d = match t {
            "bool" | "bool_" | "?" | "b1" => DType::Bool,
            "int8" | "i1" | "b" | "byte" => DType::Int8,
            "int16" | "i2" | "h" | "short" => DType::Int16,
            "int32" | "i4" | "i" | "intc" => DType::Int32,
            "int64" | "i8" | "int" | "l" | "q" | "long" | "longlong" | "int_" | "intp" => {
                DType::Int64
            }
            "uint8" | "u1" | "B" | "ubyte" => DType::UInt8,
            "uint16" | "u2" | "H" | "ushort" => DType::UInt16,
            "uint32" | "u4" | "I" | "uintc" => DType::UInt32,
            "uint64" | "u8" | "uint" | "L" | "Q" | "ulong" | "ulonglong" | "uintp" => DType::UInt64,
            "float32" | "f4" | "f" | "single" => DType::Float32,
            "float64" | "f8" | "float" | "d" | "double" | "float_" => DType::Float64,
            "complex128" | "c16" | "complex" | "D" | "cdouble" | "complex_" | "cfloat" => {
                DType::Complex128
            }
            "complex64" | "c8" | "F" | "csingle" => {
                return Err(ChunkError::DType(
                    "complex64 is not supported by Tessera: use complex128".into(),
                ))
            }
            _ => return Err(ChunkError::UnknownDType(s.to_string())),
        };
        Ok(d)
    }
}

impl fmt::Display for DType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for DType {
    type Err = ChunkError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DType::parse(s)
    }
}

#[cfg(test)]
mod tests;
