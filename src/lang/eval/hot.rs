//! Fast paths for the few built-in methods that dominate loops (`list.append`,
//! `dict.get`, `set.add`): called straight from the call site, without the
//! method-table lookup, the argument vector or the type check of the generic
//! path — what CPython 3.11's specialising interpreter does for `list.append`.
//! Any other shape of call (keywords, `*args`, other arities) returns `None`
//! and takes the generic path, which owns the error messages.

use super::{Frame, Vm};
use crate::lang::exc::PyResult;
use crate::lang::ir::{Arg, Expr};
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
