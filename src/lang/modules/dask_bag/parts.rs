//! Partition-level operations: each runs inside one task on one partition
//! (a dialect list) with a fresh `Vm`, so partitions compute in parallel.

use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::ir::{BinOp, CmpOp};
use crate::lang::value::{Builtin, Value};

/// A partition operation as a callable the delayed layer can run.
pub fn op(
    name: &str,
    f: impl Fn(&mut Vm, Args) -> PyResult<Value> + Send + Sync + 'static,
) -> Value {
    Builtin::value(name, "", "A dask.bag partition task.", f)
}

fn items(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    vm.iterate(v)
}

/// `[f(x, *extra) for x in part]`; extra bags arrive as parallel partitions.
pub fn map_part(nbags: usize, star: bool) -> Value {
    op("map", move |vm, a| {
        let f = a.pos[0].clone();
        let mut cols: Vec<Vec<Value>> = Vec::new();
        for p in &a.pos[1..=nbags] {
            cols.push(items(vm, p)?);
        }
        let extra: Vec<Value> = a.pos[nbags + 1..].to_vec();
        let n = cols.iter().map(|c| c.len()).min().unwrap_or(0);
        let mut out = Vec::with_capacity(n);
        for i in 0..n {
            let mut pos: Vec<Value> = if star {
                items(vm, &cols[0][i])?
            } else {
                cols.iter().map(|c| c[i].clone()).collect()
            };
            pos.extend(extra.iter().cloned());
            out.push(vm.call_value(
                &f,
                Args {
                    pos,
                    kw: a.kw.clone(),
                },
            )?);
        }
        Ok(Value::list(out))
    })
}

/// Keep items where `pred(x)` is true.
pub fn filter_part() -> Value {
    op("filter", |vm, a| {
        let f = a.pos[0].clone();
        let mut out = Vec::new();
        for x in items(vm, &a.pos[1])? {
            let r = vm.call_value(
                &f,
                Args {
                    pos: vec![x.clone()],
                    kw: vec![],
                },
            )?;
            if vm.truthy(&r)? {
                out.push(x);
            }
        }
        Ok(Value::list(out))
    })
}

/// `f(part)` turned into a list.
pub fn map_partitions_part() -> Value {
    op("map_partitions", |vm, a| {
        let f = a.pos[0].clone();
        let r = vm.call_value(
            &f,
            Args {
                pos: a.pos[1..].to_vec(),
                kw: a.kw.clone(),
            },
        )?;
        Ok(Value::list(items(vm, &r)?))
    })
}

/// `x[key]` (or a tuple of several keys) for every item.
pub fn pluck_part() -> Value {
    op("pluck", |vm, a| {
        let key = a.pos[1].clone();
        let mut out = Vec::new();
        for x in items(vm, &a.pos[0])? {
            let v = match &key {
                Value::List(ks) => {
                    let ks = ks.read().clone();
                    let mut t = Vec::with_capacity(ks.len());
                    for k in &ks {
                        t.push(crate::lang::ops::getitem(vm, &x, k)?);
                    }
                    Value::tuple(t)
                }
                k => crate::lang::ops::getitem(vm, &x, k)?,
            };
            out.push(v);
        }
        Ok(Value::list(out))
    })
}

/// Concatenate the items of every item.
pub fn flatten_part() -> Value {
    op("flatten", |vm, a| {
        let mut out = Vec::new();
        for x in items(vm, &a.pos[0])? {
            out.extend(items(vm, &x)?);
        }
        Ok(Value::list(out))
    })
}

/// All items of several partitions, in order.
pub fn concat(vm: &mut Vm, parts: &[Value]) -> PyResult<Vec<Value>> {
    let mut out = Vec::new();
    for p in parts {
        out.extend(items(vm, p)?);
    }
    Ok(out)
}

/// Left fold with `binop` (a dialect callable or `None` for `+`).
pub fn fold_values(
    vm: &mut Vm,
    binop: &Value,
    init: Option<Value>,
    xs: Vec<Value>,
) -> PyResult<Option<Value>> {
    let mut acc = init;
    for x in xs {
        acc = Some(match acc {
            None => x,
            Some(p) => match binop {
                Value::None => crate::lang::ops::binop(vm, BinOp::Add, &p, &x)?,
                f => vm.call_value(
                    f,
                    Args {
                        pos: vec![p, x],
                        kw: vec![],
                    },
                )?,
            },
        });
    }
    Ok(acc)
}

/// The smallest (`less`) or largest item, comparing with the dialect's `<`.
pub fn extreme(vm: &mut Vm, xs: Vec<Value>, less: bool, what: &str) -> PyResult<Value> {
    let mut best: Option<Value> = None;
    for x in xs {
        best = Some(match best {
            None => x,
            Some(b) => {
                let (l, r) = if less { (&x, &b) } else { (&b, &x) };
                let c = vm.compare(CmpOp::Lt, l, r)?;
                if vm.truthy(&c)? {
                    x
                } else {
                    b
                }
            }
        });
    }
    best.ok_or_else(|| exc::value_error(format!("{what}() arg is an empty sequence")))
}
