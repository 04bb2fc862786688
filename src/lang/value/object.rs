//! The extension point for library objects (lazy arrays, Delayed, Bag, cluster objects).
//! Every method has a default so an object implements only what it supports.

use super::Value;
use crate::display::MimeBundle;
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{PyErr, PyResult};
use crate::lang::ir::BinOp;
use std::any::Any;
use std::cmp::Ordering;

/// A library object living inside a `Value::Object`. Must be `Send + Sync`: values cross
/// scheduler threads. Methods returning `None` mean "not supported" and let the
/// interpreter raise CPython's usual `TypeError`/`AttributeError`.
pub trait Object: Send + Sync + Any {
    /// `type(x).__name__`.
    fn type_name(&self) -> String;

    /// `repr(x)` (also `str(x)` unless `str_` is overridden).
    fn repr(&self) -> String {
        format!("<{} object>", self.type_name())
    }

    /// `str(x)`.
    fn str_(&self) -> String {
        self.repr()
    }

    /// The display bundle for `display(x)` / a cell result. Defaults to `text/plain` = repr.
    fn mime_bundle(&self) -> MimeBundle {
        MimeBundle::plain(self.repr())
    }

    /// `x.name`; `None` → AttributeError. Return a `Builtin`/`Method` for methods.
    fn getattr(&self, _vm: &mut Vm, _name: &str) -> Option<PyResult<Value>> {
        None
    }

    /// `x.name(*args, **kwargs)` in one step (tried before `getattr` + call), so methods
    /// need not capture the receiver in a closure. `None` → fall back to `getattr`.
    fn call_method(&self, _vm: &mut Vm, _name: &str, _args: &Args) -> Option<PyResult<Value>> {
        None
    }

    /// Attribute names for completion and `dir()`.
    fn dir(&self) -> Vec<String> {
        Vec::new()
    }

    /// `x.name = v`; `None` → AttributeError.
    fn setattr(&self, _vm: &mut Vm, _name: &str, _v: Value) -> Option<PyResult<()>> {
        None
    }

    /// Whether `callable(x)` is true (set it when `call` is implemented).
    fn is_callable(&self) -> bool {
        false
    }

    /// `x(*args, **kwargs)`; `None` → "object is not callable".
    fn call(&self, _vm: &mut Vm, _args: Args) -> Option<PyResult<Value>> {
        None
    }

    /// `x <op> other`; `None` → NotImplemented (the reflected op is tried next).
    fn binop(&self, _vm: &mut Vm, _op: BinOp, _other: &Value) -> Option<PyResult<Value>> {
        None
    }

    /// `other <op> x` (reflected); `None` → NotImplemented.
    fn rbinop(&self, _vm: &mut Vm, _op: BinOp, _other: &Value) -> Option<PyResult<Value>> {
        None
    }

    /// Unary `-x` (`neg`), `+x`, `~x`; op is '-', '+' or '~'.
    fn unary(&self, _vm: &mut Vm, _op: char) -> Option<PyResult<Value>> {
        None
    }

    /// `x[key]`.
    fn getitem(&self, _vm: &mut Vm, _key: &Value) -> Option<PyResult<Value>> {
        None
    }

    /// `x[key] = v`.
    fn setitem(&self, _vm: &mut Vm, _key: &Value, _v: Value) -> Option<PyResult<()>> {
        None
    }

    /// `del x[key]`; `None` → "object does not support item deletion".
    fn delitem(&self, _vm: &mut Vm, _key: &Value) -> Option<PyResult<()>> {
        None
    }

    /// `iter(x)`: the items, materialised.
    fn iter(&self, _vm: &mut Vm) -> Option<PyResult<Vec<Value>>> {
        None
    }

    /// One line for `%whos`'s Data/Info column (shape, dtype, bytes...); `None` → `str(x)`.
    fn summary(&self) -> Option<String> {
        None
    }

    /// `len(x)`.
    fn len(&self) -> Option<usize> {
        None
    }

    /// Whether `len(x) == 0` (when `len` is supported).
    fn is_empty(&self) -> Option<bool> {
        self.len().map(|n| n == 0)
    }

    /// Rich comparison `x <op> other` with op one of `==,!=,<,<=,>,>=`; `None` → default.
    fn compare(&self, _vm: &mut Vm, _op: &str, _other: &Value) -> Option<PyResult<Value>> {
        None
    }

    /// Ordering used by `sorted`/`min`/`max` when available.
    fn ordering(&self, _other: &Value) -> Option<Ordering> {
        None
    }

    /// `bool(x)` (`if x:`); `None` → true (or `len() != 0` when `len` is defined).
    /// Return `Some(Err(..))` for "truth value is ambiguous" errors.
    fn truthiness(&self) -> Option<PyResult<bool>> {
        self.len().map(|n| Ok(n != 0))
    }

    /// Key for `hash()`/dict keys; `None` → unhashable.
    fn hash_key(&self) -> Option<String> {
        None
    }

    /// `with x:` entry; returns the value bound by `as`.
    fn enter(&self, _vm: &mut Vm) -> Option<PyResult<Value>> {
        None
    }

    /// Whether `with x as y:` binds `x` itself (when `enter` returns `None`).
    fn enter_returns_self(&self) -> bool {
        false
    }

    /// `with x:` exit; `exc` is the exception raised in the body, if any.
    /// Return `Ok(true)` to suppress it.
    fn exit(&self, _vm: &mut Vm, _exc: Option<&PyErr>) -> PyResult<bool> {
        Ok(false)
    }

    /// Downcasting support for library code (`obj.as_any().downcast_ref::<MyArray>()`).
    fn as_any(&self) -> &dyn Any;
}
