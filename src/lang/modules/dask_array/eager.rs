//! The dialect's eager `ndarray`: NumPy arrays computed or built here, held
//! in shared storage so that item assignment mutates them in place and basic
//! slices are views of the array they were taken from, as in NumPy. Only
//! basic indexing makes views (and `np.asarray(a)` is `a`): `a.T`,
//! `reshape` and `ravel` return copies here where NumPy may return views, so
//! writing into their results does not reach `a`.

use super::convert;
use super::methods;
use super::ndstore::NdStore;
use super::objects::{as_array, as_ndarray, binop_of, cmp_of, int_tuple, DTypeObj};
use crate::array;
use crate::chunk::{BinaryOp, Chunk, DType, UnaryOp};
use crate::lang::eval::Vm;
use crate::lang::exc::{self, PyResult};
use crate::lang::ir::BinOp;
use crate::lang::value::{Object, Value};
use std::any::Any;
use std::sync::Arc;

/// An eager array (a computed result, or `np.*` of eager data).
pub struct NdArrayObj(NdStore);

impl NdArrayObj {
    /// Wrap a chunk: 0-d results become Python scalars, like NumPy scalars print.
    pub fn value(c: Chunk) -> Value {
        if c.ndim() == 0 && !c.dtype().is_complex() {
            if let Ok(s) = c.item() {
                return match c.dtype() {
                    DType::Bool => Value::Bool(s.to_bool()),
                    d if d.is_float() => Value::Float(s.to_f64()),
                    _ => Value::Int(s.to_i64()),
                };
            }
        }
        Value::object(NdArrayObj::new(Arc::new(c)))
    }

    /// A value reading the same values as `c` (no copy), 0-d as a scalar like
    /// [`NdArrayObj::value`]: for passing an array on to code that only reads it.
    pub fn shared(c: &Arc<Chunk>) -> Value {
        if c.ndim() == 0 {
            return NdArrayObj::value((**c).clone());
        }
        Value::object(NdArrayObj::new(c.clone()))
    }

    /// A new array (its own buffer) holding `c`, whatever its rank.
    pub fn new(c: Arc<Chunk>) -> Self {
        NdArrayObj(NdStore::new(c))
    }

    /// The current values: a snapshot that later assignments do not change.
    pub fn chunk(&self) -> Arc<Chunk> {
        self.0.get()
    }

    /// Where the values live, for item assignment.
    pub fn store(&self) -> &NdStore {
        &self.0
    }
}

impl Object for NdArrayObj {
    fn type_name(&self) -> String {
        "ndarray".into()
    }
    fn unary(&self, _vm: &mut Vm, op: char) -> Option<PyResult<Value>> {
        let u = match op {
            '-' => UnaryOp::Neg,
            '~' => UnaryOp::Invert,
            '+' => UnaryOp::Pos,
            _ => return None,
        };
        Some(
            crate::chunk::unary(u, &self.chunk())
                .map(NdArrayObj::value)
                .map_err(convert::chunk_error),
        )
    }
    fn summary(&self) -> Option<String> {
        let c = &self.chunk();
        Some(super::display::whos_line(
            c.shape(),
            c.dtype().name(),
            c.dtype().itemsize(),
        ))
    }
    fn repr(&self) -> String {
        super::display::ndarray_repr(&self.chunk())
    }
    fn str_(&self) -> String {
        super::display::ndarray_str(&self.chunk())
    }
    fn getattr(&self, vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        let c = &self.chunk();
        Some(Ok(match name {
            "shape" => int_tuple(c.shape()),
            "ndim" => Value::Int(c.ndim() as i64),
            "size" => Value::Int(c.size() as i64),
            "nbytes" => Value::Int(c.nbytes() as i64),
            "dtype" => Value::object(DTypeObj(c.dtype())),
            "real" => NdArrayObj::value(crate::chunk::complex::real(c)),
            "imag" => match crate::chunk::complex::imag(c) {
                Ok(t) => NdArrayObj::value(t),
                Err(e) => return Some(Err(convert::chunk_error(e))),
            },
            "T" => match crate::chunk::blocks::permute(c, &(0..c.ndim()).rev().collect::<Vec<_>>())
            {
                Ok(t) => NdArrayObj::value(t),
                Err(e) => return Some(Err(convert::chunk_error(e))),
            },
            _ => return methods::eager_method(vm, c, name).map(Ok),
        }))
    }
    fn binop(&self, _vm: &mut Vm, op: BinOp, other: &Value) -> Option<PyResult<Value>> {
        if op == BinOp::MatMul {
            return Some(matmul_eager(&self.chunk(), other, false));
        }
        eager_binop(&self.chunk(), binop_of(op)?, other, false)
    }
    fn rbinop(&self, _vm: &mut Vm, op: BinOp, other: &Value) -> Option<PyResult<Value>> {
        if op == BinOp::MatMul {
            return Some(matmul_eager(&self.chunk(), other, true));
        }
        eager_binop(&self.chunk(), binop_of(op)?, other, true)
    }
    fn compare(&self, _vm: &mut Vm, op: &str, other: &Value) -> Option<PyResult<Value>> {
        eager_binop(&self.chunk(), cmp_of(op)?, other, false)
    }
    fn getitem(&self, _vm: &mut Vm, key: &Value) -> Option<PyResult<Value>> {
        if let Some(r) = super::fancy::eager_getitem(&self.chunk(), key) {
            return Some(r);
        }
        Some(convert::index(key).and_then(|idx| self.basic_getitem(&idx)))
    }
    fn setitem(&self, vm: &mut Vm, key: &Value, v: Value) -> Option<PyResult<()>> {
        Some(super::setitem::eager_setitem(vm, self, key, v))
    }
    fn delitem(&self, _vm: &mut Vm, _key: &Value) -> Option<PyResult<()>> {
        Some(Err(exc::value_error("cannot delete array elements")))
    }
    fn iter(&self, _vm: &mut Vm) -> Option<PyResult<Vec<Value>>> {
        // Iterating an array walks its first axis, as NumPy does.
        Some(match self.chunk().shape().first() {
            None => Err(exc::type_error("iteration over a 0-d array")),
            Some(&n) => (0..n)
                .map(|i| self.basic_getitem(&[array::IndexItem::Int(i as i64)]))
                .collect(),
        })
    }
    fn truthiness(&self) -> Option<PyResult<bool>> {
        Some(if self.chunk().size() == 1 {
            Ok(self.chunk().get_flat(0).to_f64() != 0.0)
        } else {
            Err(exc::value_error(
                "The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()",
            ))
        })
    }
    fn len(&self) -> Option<usize> {
        self.chunk().shape().first().copied()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `c @ other` (or `other @ c`): NumPy refuses scalar operands of `@`.
fn matmul_eager(c: &Arc<Chunk>, other: &Value, reflected: bool) -> PyResult<Value> {
    if convert::scalar(other).is_some() || c.ndim() == 0 {
        return Err(exc::value_error(
            "matmul: Input operand does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)",
        ));
    }
    let me = NdArrayObj::shared(c);
    if reflected {
        super::joins::dot_values(other, &me, false)
    } else {
        super::joins::dot_values(&me, other, false)
    }
}

impl NdArrayObj {
    /// Basic indexing: a view sharing this array's values (NumPy's rule), or
    /// a Python scalar when every axis is indexed by an integer.
    fn basic_getitem(&self, index: &[array::IndexItem]) -> PyResult<Value> {
        use crate::chunk::blocks::{select, Sel};
        let c = self.chunk();
        let sels = basic_selection(&c, index)?;
        let pick = || {
            select(&c, &sels)
                .map(NdArrayObj::value)
                .map_err(convert::chunk_error)
        };
        if sels.iter().all(|s| matches!(s, Sel::At(_))) {
            return pick();
        }
        match self.0.view(&sels) {
            Some(v) => Ok(Value::object(NdArrayObj(v))),
            None => pick(),
        }
    }
}

/// A basic index of an eager array as a selection, with NumPy's semantics
/// and messages.
pub(super) fn basic_selection(
    c: &Chunk,
    index: &[array::IndexItem],
) -> PyResult<Vec<crate::chunk::blocks::Sel>> {
    use crate::array::IndexItem as I;
    use crate::chunk::blocks::Sel;
    let consumed = index
        .iter()
        .filter(|i| matches!(i, I::Int(_) | I::Slice(..)))
        .count();
    if consumed > c.ndim() {
        return Err(exc::new(
            "IndexError",
            format!(
                "too many indices for array: array is {}-dimensional, but {consumed} were indexed",
                c.ndim()
            ),
        ));
    }
    let mut items: Vec<I> = Vec::new();
    let fill = c.ndim() - consumed;
    let mut filled = false;
    for it in index {
        if *it == I::Ellipsis {
            if filled {
                return Err(exc::new(
                    "IndexError",
                    "an index can only have a single ellipsis ('...')",
                ));
            }
            items.extend(std::iter::repeat_n(I::Slice(None, None, None), fill));
            filled = true;
        } else {
            items.push(it.clone());
        }
    }
    if !filled {
        items.extend(std::iter::repeat_n(I::Slice(None, None, None), fill));
    }
    let mut sels = Vec::with_capacity(items.len());
    let mut ax = 0;
    for it in &items {
        sels.push(match *it {
            I::NewAxis => Sel::NewAxis,
            I::Int(i) => {
                let n = c.shape()[ax] as i64;
                let j = if i < 0 { i + n } else { i };
                if j < 0 || j >= n {
                    return Err(exc::new(
                        "IndexError",
                        format!("index {i} is out of bounds for axis {ax} with size {n}"),
                    ));
                }
                ax += 1;
                Sel::At(j as usize)
            }
            I::Slice(s, e, st) => {
                let (start, step, len) = array::slicing::slice_indices(c.shape()[ax], s, e, st)
                    .map_err(convert::array_error)?;
                ax += 1;
                Sel::Range { start, step, len }
            }
            I::Ellipsis => unreachable!("expanded above"),
        });
    }
    Ok(sels)
}

/// A Python complex operand as a 0-d complex128 chunk.
fn complex_operand(v: &Value) -> Option<Arc<Chunk>> {
    if !matches!(v, Value::Object(_)) {
        return None;
    }
    let z = crate::lang::complexnum::as_complex(v)?;
    let s = crate::chunk::Scalar::C128(crate::chunk::C128(z));
    Some(Arc::new(s.to_chunk()))
}

fn eager_binop(c: &Chunk, op: BinaryOp, other: &Value, reflected: bool) -> Option<PyResult<Value>> {
    if as_array(other).is_some() {
        return None; // let the lazy array's reflected operator build a lazy result
    }
    let r = if let Some(s) = convert::scalar(other) {
        crate::chunk::binary_scalar(op, c, s, reflected)
    } else if let Some(o) = as_ndarray(other).or_else(|| complex_operand(other)) {
        if reflected {
            crate::chunk::binary(op, &o, c)
        } else {
            crate::chunk::binary(op, c, &o)
        }
    } else {
        return None;
    };
    Some(r.map(NdArrayObj::value).map_err(convert::chunk_error))
}
