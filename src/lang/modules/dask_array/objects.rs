//! The dialect's array objects: lazy `Array`, eager `ndarray` results and `dtype`.

use super::convert;
use super::methods;
use crate::array::{self, Array};
use crate::chunk::{BinaryOp, Chunk, DType, UnaryOp};
use crate::display::MimeBundle;
use crate::lang::eval::Vm;
use crate::lang::exc::{self, PyResult};
use crate::lang::ir::BinOp;
use crate::lang::value::{Object, Value};
use parking_lot::RwLock;
use std::any::Any;
use std::sync::Arc;

pub use super::eager::NdArrayObj;

/// `dtype('float64')`.
pub struct DTypeObj(pub DType);

impl Object for DTypeObj {
    fn type_name(&self) -> String {
        "dtype".into()
    }
    fn repr(&self) -> String {
        format!("dtype('{}')", self.0.name())
    }
    fn str_(&self) -> String {
        self.0.name().into()
    }
    fn getattr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        Some(Ok(match name {
            "name" => Value::str(self.0.name()),
            "itemsize" => Value::Int(self.0.itemsize() as i64),
            "kind" => Value::str(&self.0.kind_char().to_string()),
            "str" => Value::str(self.0.str_code()),
            _ => return None,
        }))
    }
    fn compare(&self, _vm: &mut Vm, op: &str, other: &Value) -> Option<PyResult<Value>> {
        let same = convert::dtype(other).map(|d| d == self.0).unwrap_or(false);
        match op {
            "==" => Some(Ok(Value::Bool(same))),
            "!=" => Some(Ok(Value::Bool(!same))),
            _ => None,
        }
    }
    fn hash_key(&self) -> Option<String> {
        Some(format!("dtype:{}", self.0.name()))
    }
    fn is_callable(&self) -> bool {
        true
    }
    /// `np.float32(x)`: `x` converted to this type (an array for arrays, a
    /// Python number for scalars, as every 0-d result is here).
    fn call(&self, _vm: &mut Vm, mut args: crate::lang::eval::Args) -> Option<PyResult<Value>> {
        let name = self.0.name();
        if let Err(e) = args.check(name, 1) {
            return Some(Err(e));
        }
        let x = match scalar_for(self.0, args.pos.pop().unwrap_or(Value::Int(0))) {
            Ok(x) => x,
            Err(e) => return Some(Err(e)),
        };
        Some(if let Some(a) = as_array(&x) {
            array::elementwise::astype(&a, self.0)
                .map(ArrayObj::value)
                .map_err(convert::array_error)
        } else {
            super::numpy::to_chunk(&x).and_then(|c| {
                c.astype(self.0)
                    .map(NdArrayObj::value)
                    .map_err(convert::chunk_error)
            })
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// Python's repr of a tuple of ints: `(3,)`, `(2, 3)`, `()`.
pub fn tuple_repr(v: &[usize]) -> String {
    let show = |x: &usize| {
        if *x == array::UNKNOWN {
            "nan".to_string()
        } else {
            x.to_string()
        }
    };
    match v.len() {
        1 => format!("({},)", show(&v[0])),
        _ => format!("({})", v.iter().map(show).collect::<Vec<_>>().join(", ")),
    }
}

/// A tuple of sizes as Python sees it (`nan` for unknown ones).
pub(super) fn int_tuple(v: &[usize]) -> Value {
    Value::tuple(v.iter().map(|&x| size_value(x)).collect())
}

/// A size as Python sees it: an int, or `nan` when unknown (as Dask shows it).
fn size_value(x: usize) -> Value {
    if x == array::UNKNOWN {
        Value::Float(f64::NAN)
    } else {
        Value::Int(x as i64)
    }
}

/// A lazy array in the dialect. Item assignment replaces the expression it
/// holds (Dask's `Array.__setitem__` swaps the graph and name), so every
/// name bound to this object sees the change.
pub struct ArrayObj(RwLock<Array>);

impl ArrayObj {
    /// Wrap as a dialect value.
    pub fn value(a: Array) -> Value {
        Value::object(ArrayObj(RwLock::new(a)))
    }

    /// The expression held now.
    pub fn array(&self) -> Array {
        self.0.read().clone()
    }

    /// Hold `a` from now on (after an item assignment).
    pub fn replace(&self, a: Array) {
        *self.0.write() = a;
    }
}

/// The lazy array inside a value, if it is one.
pub fn as_array(v: &Value) -> Option<Array> {
    match v {
        Value::Object(o) => o.as_any().downcast_ref::<ArrayObj>().map(|a| a.array()),
        _ => None,
    }
}

/// The eager array inside a value, if it is one.
pub fn as_ndarray(v: &Value) -> Option<Arc<Chunk>> {
    match v {
        Value::Object(o) => o.as_any().downcast_ref::<NdArrayObj>().map(|a| a.chunk()),
        _ => None,
    }
}

/// A lazy operand: lazy arrays as they are, eager arrays wrapped in one block.
pub fn lazy_operand(v: &Value) -> Option<Array> {
    if let Some(a) = as_array(v) {
        return Some(a);
    }
    let c = as_ndarray(v)?;
    let token = Arc::as_ptr(&c) as usize as u64;
    array::creation::from_chunk(c, &array::ChunkSpec::Full, token).ok()
}

/// The array-layer operator for a dialect operator.
pub fn binop_of(op: BinOp) -> Option<BinaryOp> {
    Some(match op {
        BinOp::Add => BinaryOp::Add,
        BinOp::Sub => BinaryOp::Sub,
        BinOp::Mul => BinaryOp::Mul,
        BinOp::Div => BinaryOp::TrueDiv,
        BinOp::FloorDiv => BinaryOp::FloorDiv,
        BinOp::Mod => BinaryOp::Mod,
        BinOp::Pow => BinaryOp::Pow,
        BinOp::LShift => BinaryOp::LeftShift,
        BinOp::RShift => BinaryOp::RightShift,
        BinOp::BitAnd => BinaryOp::BitAnd,
        BinOp::BitOr => BinaryOp::BitOr,
        BinOp::BitXor => BinaryOp::BitXor,
        _ => return None,
    })
}

/// The array-layer comparison for a dialect comparison operator.
pub fn cmp_of(op: &str) -> Option<BinaryOp> {
    Some(match op {
        "==" => BinaryOp::Eq,
        "!=" => BinaryOp::Ne,
        "<" => BinaryOp::Lt,
        "<=" => BinaryOp::Le,
        ">" => BinaryOp::Gt,
        ">=" => BinaryOp::Ge,
        _ => return None,
    })
}

fn lazy_binop(a: &Array, op: BinaryOp, other: &Value, reflected: bool) -> Option<PyResult<Value>> {
    let r = if let Some(s) = convert::scalar(other) {
        array::elementwise::binary_scalar(op, a, s, reflected)
    } else if let Some(b) = lazy_operand(other) {
        if reflected {
            array::elementwise::binary(op, &b, a)
        } else {
            array::elementwise::binary(op, a, &b)
        }
    } else {
        return None;
    };
    Some(r.map(ArrayObj::value).map_err(convert::array_error))
}

impl Object for ArrayObj {
    fn type_name(&self) -> String {
        "Array".into()
    }
    fn summary(&self) -> Option<String> {
        let a = self.array();
        let m = a.meta();
        let state = match a.op() {
            crate::array::Op::Blocks(_) => "persisted",
            _ => "lazy",
        };
        Some(format!(
            "{}, chunks {}, {} chunks, {state}",
            super::display::whos_line(&m.shape, m.dtype.name(), m.dtype.itemsize()),
            dims_x(&m.chunksize()),
            m.chunks.iter().map(|c| c.len()).product::<usize>()
        ))
    }
    fn repr(&self) -> String {
        let a = self.array();
        let m = a.meta();
        format!(
            "dask.array<{}, shape={}, dtype={}, chunksize={}, chunktype=numpy.ndarray>",
            crate::graph::key_prefix(a.name()),
            tuple_repr(&m.shape),
            m.dtype.name(),
            tuple_repr(&m.chunksize())
        )
    }
    fn mime_bundle(&self) -> MimeBundle {
        super::display::array_bundle(&self.array(), &self.repr())
    }
    fn getattr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        let a = self.array();
        let m = a.meta();
        Some(Ok(match name {
            "shape" => int_tuple(&m.shape),
            "ndim" => Value::Int(m.ndim() as i64),
            "size" => size_value(m.size()),
            "nbytes" => size_value(m.nbytes().min(array::UNKNOWN as u64) as usize),
            "itemsize" => Value::Int(m.dtype.itemsize() as i64),
            "dtype" => Value::object(DTypeObj(m.dtype)),
            "chunks" => Value::tuple(m.chunks.iter().map(|c| int_tuple(c)).collect()),
            "chunksize" => int_tuple(&m.chunksize()),
            "numblocks" => int_tuple(&m.numblocks()),
            "npartitions" => Value::Int(m.nblocks() as i64),
            "name" => Value::str(self.array().name()),
            "dask" => return Some(super::graphdict::graph_dict(std::slice::from_ref(&a))),
            "T" => match array::manipulation::transpose(&self.array(), None) {
                Ok(t) => ArrayObj::value(t),
                Err(e) => return Some(Err(convert::array_error(e))),
            },
            _ => return methods::method(&self.array(), name).map(Ok),
        }))
    }
    fn dir(&self) -> Vec<String> {
        let mut v: Vec<String> = [
            "shape",
            "ndim",
            "size",
            "nbytes",
            "itemsize",
            "dtype",
            "chunks",
            "chunksize",
            "numblocks",
            "npartitions",
            "name",
            "T",
            "dask",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        v.extend(
            methods::method_names(&self.array())
                .iter()
                .map(|s| s.to_string()),
        );
        v.sort();
        v
    }
    fn binop(&self, _vm: &mut Vm, op: BinOp, other: &Value) -> Option<PyResult<Value>> {
        if op == BinOp::MatMul {
            return Some(super::joins::dot_values(
                &ArrayObj::value(self.array()),
                other,
                true,
            ));
        }
        lazy_binop(&self.array(), binop_of(op)?, other, false)
    }
    fn rbinop(&self, _vm: &mut Vm, op: BinOp, other: &Value) -> Option<PyResult<Value>> {
        if op == BinOp::MatMul {
            return Some(super::joins::dot_values(
                other,
                &ArrayObj::value(self.array()),
                true,
            ));
        }
        lazy_binop(&self.array(), binop_of(op)?, other, true)
    }
    fn compare(&self, _vm: &mut Vm, op: &str, other: &Value) -> Option<PyResult<Value>> {
        lazy_binop(&self.array(), cmp_of(op)?, other, false)
    }
    fn unary(&self, _vm: &mut Vm, op: char) -> Option<PyResult<Value>> {
        let (u, name) = match op {
            '-' => (UnaryOp::Neg, "negative"),
            '~' => (UnaryOp::Invert, "invert"),
            '+' => return Some(Ok(ArrayObj::value(self.array()))),
            _ => return None,
        };
        Some(
            array::elementwise::unary(u, name, &self.array())
                .map(ArrayObj::value)
                .map_err(convert::array_error),
        )
    }
    fn getitem(&self, _vm: &mut Vm, key: &Value) -> Option<PyResult<Value>> {
        if let Some(r) = super::fancy::lazy_getitem(&self.array(), key) {
            return Some(r);
        }
        Some(convert::index(key).and_then(|idx| {
            array::slicing::getitem(&self.array(), &idx)
                .map(ArrayObj::value)
                .map_err(convert::array_error)
        }))
    }
    fn setitem(&self, vm: &mut Vm, key: &Value, v: Value) -> Option<PyResult<()>> {
        Some(super::setitem_lazy::lazy_setitem(vm, self, key, v))
    }
    fn delitem(&self, _vm: &mut Vm, _key: &Value) -> Option<PyResult<()>> {
        // Dask's Array has no __delitem__: Python looks it up and fails.
        Some(Err(exc::new("AttributeError", "__delitem__")))
    }
    fn len(&self) -> Option<usize> {
        self.array()
            .meta()
            .shape
            .first()
            .copied()
            .filter(|&n| n != array::UNKNOWN)
    }
    fn truthiness(&self) -> Option<PyResult<bool>> {
        Some(Err(if self.array().meta().size() == 1 {
            exc::type_error(
                "the truth value of a lazy array needs a computation: use bool(x.compute())",
            )
        } else {
            exc::value_error(
                "The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()",
            )
        }))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// A value for errors raised by methods that need a lazy array.
pub fn not_array(what: &str, v: &Value) -> Box<crate::lang::exc::PyErr> {
    exc::type_error(format!("{what}: expected an array, got {}", v.type_name()))
}

/// `(3, 4)` → `3x4` (IPython's `%whos` shape style).
fn dims_x(shape: &[usize]) -> String {
    shape
        .iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("x")
}

/// NumPy's scalar rules for `np.<dtype>(x)` with a Python scalar: strings are
/// parsed (`np.float32('1.5')`), `None` is NaN for floats, and a Python int
/// outside an integer type's range is an OverflowError rather than wrapping.
pub(super) fn scalar_for(dt: DType, x: Value) -> PyResult<Value> {
    use crate::chunk::Kind;
    use crate::lang::builtins::{parse_float, parse_int};
    let repr = |s: &str| crate::lang::repr::str_repr(s);
    Ok(match (dt.kind(), x) {
        (Kind::Float, Value::Str(s)) => Value::Float(parse_float(&s).ok_or_else(|| {
            exc::value_error(format!("could not convert string to float: {}", repr(&s)))
        })?),
        (Kind::Int | Kind::UInt, Value::Str(s)) => {
            let i = parse_int(&s, 10).ok_or_else(|| {
                exc::value_error(format!(
                    "invalid literal for int() with base 10: {}",
                    repr(&s)
                ))
            })?;
            scalar_for(dt, Value::Int(i))?
        }
        (Kind::Bool, Value::Str(s)) => Value::Bool(!s.is_empty()),
        (Kind::Float, Value::None) => Value::Float(f64::NAN),
        (kind @ (Kind::Int | Kind::UInt), Value::Int(i)) => {
            let bits = dt.itemsize() as u32 * 8;
            let (lo, hi) = match kind {
                Kind::UInt => (0i128, (1i128 << bits) - 1),
                _ => (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1),
            };
            if !(lo..=hi).contains(&(i as i128)) {
                return Err(exc::new(
                    "OverflowError",
                    format!("Python integer {i} out of bounds for {}", dt.name()),
                ));
            }
            Value::Int(i)
        }
        (_, x) => x,
    })
}

/// One complex element as a Python `complex` (what `tolist()` gives).
pub fn complex_scalar(s: &crate::chunk::Scalar) -> Value {
    match s {
        crate::chunk::Scalar::C128(z) => crate::lang::complexnum::PyComplex::value(z.0.re, z.0.im),
        other => Value::Float(other.to_f64()),
    }
}
