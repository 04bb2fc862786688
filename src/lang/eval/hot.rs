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
use crate::lang::value::{DictMap, Value};
use parking_lot::RwLock;
use std::sync::Arc;

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
            (Value::Dict(d), "get", [Arg::Pos(k)]) => Some(self.dict_get(f, d, k, None)),
            (Value::Dict(d), "get", [Arg::Pos(k), Arg::Pos(dflt)]) => {
                Some(self.dict_get(f, d, k, Some(dflt)))
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
            (Value::Dict(_), "get", [Arg::Pos(k)]) if cannot_rebind(k) => Some((|| {
                let k = self.eval(f, k)?;
                let hk = self.hash_key(&k)?;
                let Some(Value::Dict(d)) = &f.locals[slot] else {
                    return Err(rebound());
                };
                let found = d.read().get(&hk).map(|x| x.1.clone());
                Ok(found.unwrap_or(Value::None))
            })()),
            (Value::Dict(_), "get", [Arg::Pos(k), Arg::Pos(dflt)])
                if cannot_rebind(k) && cannot_rebind(dflt) =>
            {
                Some((|| {
                    let k = self.eval(f, k)?;
                    let dflt = self.eval(f, dflt)?;
                    let hk = self.hash_key(&k)?;
                    let Some(Value::Dict(d)) = &f.locals[slot] else {
                        return Err(rebound());
                    };
                    let found = d.read().get(&hk).map(|x| x.1.clone());
                    Ok(found.unwrap_or(dflt))
                })())
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

    fn dict_get(
        &mut self,
        f: &mut Frame<'_>,
        d: &Arc<RwLock<DictMap>>,
        key: &Expr,
        default: Option<&Expr>,
    ) -> PyResult<Value> {
        let k = self.eval(f, key)?;
        let dflt = match default {
            Some(e) => self.eval(f, e)?,
            None => Value::None,
        };
        let hk = self.hash_key(&k)?;
        let found = d.read().get(&hk).map(|x| x.1.clone());
        Ok(found.unwrap_or(dflt))
    }
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
