//! Fast paths for the few built-in methods that dominate loops (`list.append`,
//! `dict.get`, `set.add`): called straight from the call site, without the
//! method-table lookup, the argument vector or the type check of the generic
//! path — what CPython 3.11's specialising interpreter does for `list.append`.
//! Any other shape of call (keywords, `*args`, other arities) returns `None`
//! and takes the generic path, which owns the error messages.

use super::{Frame, Vm};
use crate::lang::exc::PyResult;
use crate::lang::ir::{Arg, Expr};
use crate::lang::ops;
use crate::lang::value::{DictMap, HashKey, Value};
use parking_lot::RwLock;

impl Vm<'_> {
    /// `recv.name(args)` when it is one of the hot methods called positionally.
    #[inline]
    pub(super) fn hot_method(
        &mut self,
        f: &mut Frame<'_>,
        recv: &Value,
        name: &str,
        args: &[Arg],
    ) -> Option<PyResult<Value>> {
        match (recv, name, args) {
            (Value::List(l), "append", [Arg::Pos(e)]) => Some(self.eval(f, e).map(|v| {
                l.write().push(v);
                Value::None
            })),
            (Value::Dict(d), "get", _) => {
                let (k, dflt) = get_args(args)?;
                Some(
                    self.get_operands(f, k, dflt)
                        .map(|(hk, dv)| lookup(d, &hk, dv)),
                )
            }
            (Value::Set(s), "add", [Arg::Pos(e)]) => Some((|| {
                let v = self.eval(f, e)?;
                let k = self.hash_key(&v)?;
                s.write().entry(k).or_insert(v);
                Ok(Value::None)
            })()),
            _ => None,
        }
    }

    /// `local.name(args)` for the hot methods, with the receiver borrowed from
    /// its slot instead of cloned (an atomic increment and decrement saved per
    /// call). Only when evaluating the arguments cannot rebind that local (no
    /// `:=` in them), so reading the receiver last is the same as reading it
    /// first, as Python does.
    #[inline]
    pub(super) fn hot_local_method(
        &mut self,
        f: &mut Frame<'_>,
        slot: u32,
        name: &str,
        args: &[Arg],
    ) -> Option<PyResult<Value>> {
        let slot = slot as usize;
        match (f.locals[slot].as_ref()?, name, args) {
            (Value::List(_), "append", [Arg::Pos(e)]) if cannot_rebind(e) => {
                Some(self.eval(f, e).map(|v| {
                    if let Some(Value::List(l)) = &f.locals[slot] {
                        l.write().push(v);
                    }
                    Value::None
                }))
            }
            (Value::Dict(_), "get", _) => {
                let (k, dflt) = get_args(args)?;
                if !cannot_rebind(k) || !dflt.is_none_or(cannot_rebind) {
                    return None;
                }
                Some(
                    self.get_operands(f, k, dflt)
                        .and_then(|(hk, dv)| match &f.locals[slot] {
                            Some(Value::Dict(d)) => Ok(lookup(d, &hk, dv)),
                            _ => Err(rebound()),
                        }),
                )
            }
            _ => None,
        }
    }

    /// `local[key] = v` with the container borrowed from its slot (see
    /// `hot_local_method`). `None` when the slot is unbound or the key could
    /// rebind it: the generic path then runs (and owns the errors).
    #[inline]
    pub(super) fn setitem_local(
        &mut self,
        f: &mut Frame<'_>,
        slot: u32,
        key: &Expr,
        v: Value,
    ) -> Result<PyResult<()>, Value> {
        let slot = slot as usize;
        if f.locals[slot].is_none() || !cannot_rebind(key) {
            return Err(v);
        }
        Ok((|| {
            let k = self.eval(f, key)?;
            let Some(o) = &f.locals[slot] else {
                return Err(rebound());
            };
            ops::setitem(self, o, &k, v)
        })())
    }

    /// `dict.get`'s key (hashed) and default, evaluated in Python's order.
    fn get_operands(
        &mut self,
        f: &mut Frame<'_>,
        key: &Expr,
        default: Option<&Expr>,
    ) -> PyResult<(HashKey, Value)> {
        let k = self.eval(f, key)?;
        let dflt = match default {
            Some(e) => self.eval(f, e)?,
            None => Value::None,
        };
        Ok((self.hash_key(&k)?, dflt))
    }
}

/// `dict.get(key[, default])` called positionally: its key and default.
fn get_args(args: &[Arg]) -> Option<(&Expr, Option<&Expr>)> {
    match args {
        [Arg::Pos(k)] => Some((k, None)),
        [Arg::Pos(k), Arg::Pos(d)] => Some((k, Some(d))),
        _ => None,
    }
}

/// The value under `hk`, or `dflt`.
fn lookup(d: &RwLock<DictMap>, hk: &HashKey, dflt: Value) -> Value {
    d.read().get(hk).map_or(dflt, |x| x.1.clone())
}

/// The receiver changed while the arguments were evaluated, which
/// `cannot_rebind` rules out: an interpreter bug, reported rather than panicking.
fn rebound() -> Box<crate::lang::exc::PyErr> {
    crate::lang::exc::new(
        "SystemError",
        "a hot call's receiver was rebound while its arguments ran",
    )
}

/// Whether evaluating `e` certainly cannot rebind a local of this frame: only
/// `:=` can (calls cannot reach the caller's locals), so this accepts the
/// shapes hot arguments have and refuses anything deeper.
fn cannot_rebind(e: &Expr) -> bool {
    match e {
        Expr::Const(_) | Expr::Local(_) | Expr::Global(..) | Expr::Cell(..) => true,
        Expr::Bin(a, _, b) => cannot_rebind_leaf(a) && cannot_rebind_leaf(b),
        Expr::Unary(_, a) | Expr::Attr(a, _) => cannot_rebind_leaf(a),
        Expr::Subscript(a, b) => cannot_rebind_leaf(a) && cannot_rebind_leaf(b),
        _ => false,
    }
}

fn cannot_rebind_leaf(e: &Expr) -> bool {
    matches!(
        e,
        Expr::Const(_) | Expr::Local(_) | Expr::Global(..) | Expr::Cell(..)
    )
}
