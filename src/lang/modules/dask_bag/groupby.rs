//! `foldby` and `groupby`: per-key work inside each partition, then one merge.
//! `foldby` folds per key in every partition and combines the partials (Dask's
//! recommended form: no shuffle); `groupby` gathers each key's items, keys in
//! order of first appearance, split into `npartitions` partitions.

use super::bag::Bag;
use super::parts::op;
use super::reduce::reduction;
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::modules::dask_delayed::{make_call, Action, DelayedObj};
use crate::lang::ops::getitem;
use crate::lang::value::{HashKey, Value};
use rustc_hash::FxHashMap;

/// `key(x)` for a callable key, else `x[key]` (Dask's rule for non-callables).
fn key_of(vm: &mut Vm, key: &Value, x: &Value) -> PyResult<Value> {
    let callable = match key {
        Value::Func(_) | Value::Builtin(_) | Value::Method(_) | Value::Class(_) => true,
        Value::Object(o) => o.is_callable(),
        _ => false,
    };
    if callable {
        vm.call_value(key, Args::pos(vec![x.clone()]))
    } else {
        getitem(vm, x, key)
    }
}

/// Keys in first-seen order with their accumulated values.
#[derive(Default)]
struct Groups {
    index: FxHashMap<HashKey, usize>,
    items: Vec<(Value, Value)>,
}

impl Groups {
    /// Fold `v` into key `k` with `f` (or start the group from `init`, or from `v`).
    fn fold(
        &mut self,
        vm: &mut Vm,
        k: Value,
        v: Value,
        f: &Value,
        init: &Option<Value>,
    ) -> PyResult<()> {
        let hk = vm.hash_key(&k)?;
        match self.index.get(&hk) {
            Some(&i) => {
                let acc = self.items[i].1.clone();
                self.items[i].1 = vm.call_value(f, Args::pos(vec![acc, v]))?;
            }
            None => {
                let start = match init {
                    Some(i) => {
                        let start = initial(vm, i)?;
                        vm.call_value(f, Args::pos(vec![start, v]))?
                    }
                    None => v,
                };
                self.index.insert(hk, self.items.len());
                self.items.push((k, start));
            }
        }
        Ok(())
    }

    fn into_pairs(self) -> Value {
        Value::list(
            self.items
                .into_iter()
                .map(|(k, v)| Value::tuple(vec![k, v]))
                .collect(),
        )
    }
}

/// Dask accepts a value or a zero-argument callable (e.g. `list`) as an initial value.
fn initial(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v {
        Value::Class(_) | Value::Builtin(_) | Value::Func(_) => vm.call_value(v, Args::default()),
        other => Ok(other.clone()),
    }
}

/// `bag.foldby(key, binop, initial, combine=None, combine_initial)`.
pub fn foldby(b: &Bag, _vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let key = a
        .arg(0, "key")
        .ok_or_else(|| exc::type_error("foldby() missing 'key'"))?;
    let binop = a
        .arg(1, "binop")
        .ok_or_else(|| exc::type_error("foldby() missing 'binop'"))?;
    let init = a.arg(2, "initial");
    let combine = match a.arg(3, "combine") {
        None | Some(Value::None) => binop.clone(),
        Some(c) => c,
    };
    let combine_init = a.arg(4, "combine_initial");
    let _ = a.take_kw("split_every");
    let perpart = op("foldby-part", move |vm, a| {
        let mut g = Groups::default();
        for x in vm.iterate(&a.pos[0])? {
            let k = key_of(vm, &key, &x)?;
            g.fold(vm, k, x, &binop, &init)?;
        }
        Ok(g.into_pairs())
    });
    let agg = op("foldby-combine", move |vm, a| {
        let mut g = Groups::default();
        for part in vm.iterate(&a.pos[0])? {
            for pair in vm.iterate(&part)? {
                let kv = vm.iterate(&pair)?;
                g.fold(vm, kv[0].clone(), kv[1].clone(), &combine, &combine_init)?;
            }
        }
        Ok(g.into_pairs())
    });
    Ok(Bag {
        parts: vec![reduction(b, "foldby", perpart, agg)],
        name: "foldby".into(),
    }
    .value())
}

/// `bag.groupby(grouper, npartitions=None)`: `(key, [items])` pairs.
pub fn groupby(b: &Bag, _vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let key = a
        .arg(0, "grouper")
        .ok_or_else(|| exc::type_error("groupby() missing 'grouper'"))?;
    let n = match a.take_kw("npartitions").or_else(|| a.pos.get(1).cloned()) {
        None | Some(Value::None) => b.parts.len(),
        Some(Value::Int(n)) if n >= 1 => n as usize,
        Some(_) => return Err(exc::value_error("npartitions must be a positive integer")),
    };
    for ignored in ["method", "max_branch", "shuffle"] {
        let _ = a.take_kw(ignored);
    }
    let append = op("append", |vm, a| {
        if let Value::List(l) = &a.pos[0] {
            l.write().push(a.pos[1].clone());
            Ok(a.pos[0].clone())
        } else {
            let mut v = vm.iterate(&a.pos[0])?;
            v.push(a.pos[1].clone());
            Ok(Value::list(v))
        }
    });
    let extend = op("extend", |vm, a| {
        let mut v = vm.iterate(&a.pos[0])?;
        v.extend(vm.iterate(&a.pos[1])?);
        Ok(Value::list(v))
    });
    let perpart = op("groupby-part", move |vm, a| {
        let mut g = Groups::default();
        for x in vm.iterate(&a.pos[0])? {
            let k = key_of(vm, &key, &x)?;
            let init = Some(Value::list(Vec::new()));
            g.fold(vm, k, x, &append, &init)?;
        }
        Ok(g.into_pairs())
    });
    let agg = op("groupby-collect", move |vm, a| {
        let mut g = Groups::default();
        for part in vm.iterate(&a.pos[0])? {
            for pair in vm.iterate(&part)? {
                let kv = vm.iterate(&pair)?;
                g.fold(vm, kv[0].clone(), kv[1].clone(), &extend, &None)?;
            }
        }
        Ok(g.into_pairs())
    });
    let all = DelayedObj::value(reduction(b, "groupby", perpart, agg));
    let slice = op("groupby-split", |vm, a| {
        let (i, n) = match (&a.pos[1], &a.pos[2]) {
            (Value::Int(i), Value::Int(n)) => (*i as usize, *n as usize),
            _ => return Err(exc::type_error("internal: bad partition index")),
        };
        let groups = vm.iterate(&a.pos[0])?;
        Ok(Value::list(groups.into_iter().skip(i).step_by(n).collect()))
    });
    let parts = (0..n)
        .map(|i| {
            make_call(
                Action::CallFirst,
                "groupby",
                &[
                    slice.clone(),
                    all.clone(),
                    Value::Int(i as i64),
                    Value::Int(n as i64),
                ],
                &[],
                true,
                None,
                None,
            )
        })
        .collect();
    Ok(Bag {
        parts,
        name: "groupby".into(),
    }
    .value())
}
