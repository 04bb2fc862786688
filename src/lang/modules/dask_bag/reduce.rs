//! Bag reductions: one task per partition, then one aggregate task over the
//! partial results (`sum`, `count`, `mean`, `fold`, `frequencies`, ...).

use super::bag::{task, Bag};
use super::parts::{self, op};
use crate::lang::builtins::to_f64;
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::ir::{BinOp, CmpOp};
use crate::lang::modules::dask_delayed::{make_call, Action, DelayedObj};
use crate::lang::value::{Builtin, HashKey, Value};
use rustc_hash::FxHashMap;

fn apply_first() -> Value {
    op("apply", |vm, a| {
        vm.call_value(
            &a.pos[0],
            Args {
                pos: a.pos[1..].to_vec(),
                kw: vec![],
            },
        )
    })
}

/// Per-partition `perpart`, then `agg` over the list of partial results.
pub(super) fn reduction(
    b: &Bag,
    name: &str,
    perpart: Value,
    agg: Value,
) -> crate::delayed::Delayed {
    let partials: Vec<Value> = (0..b.parts.len())
        .map(|i| {
            DelayedObj::value(task(
                &format!("{name}-part"),
                apply_first(),
                &[perpart.clone(), b.part_value(i)],
                &[],
            ))
        })
        .collect();
    make_call(
        Action::CallFirst,
        &format!("{name}-aggregate"),
        &[agg, Value::list(partials)],
        &[],
        true,
        None,
        None,
    )
}

fn item(b: &Bag, name: &str, perpart: Value, agg: Value) -> Value {
    DelayedObj::value(reduction(b, name, perpart, agg))
}

fn one_part_bag(b: &Bag, name: &str, perpart: Value, agg: Value) -> Value {
    Bag {
        parts: vec![reduction(b, name, perpart, agg)],
        name: name.to_string(),
    }
    .value()
}

fn sum_op() -> Value {
    op("sum", |vm, a| {
        let xs = vm.iterate(&a.pos[0])?;
        Ok(parts::fold_values(vm, &Value::None, Some(Value::Int(0)), xs)?.unwrap_or(Value::Int(0)))
    })
}

fn extreme_op(less: bool) -> Value {
    op(if less { "min" } else { "max" }, move |vm, a| {
        let xs = vm.iterate(&a.pos[0])?;
        parts::extreme(vm, xs, less, if less { "min" } else { "max" })
    })
}

fn truth_op(any: bool) -> Value {
    op(if any { "any" } else { "all" }, move |vm, a| {
        for x in vm.iterate(&a.pos[0])? {
            if vm.truthy(&x)? == any {
                return Ok(Value::Bool(any));
            }
        }
        Ok(Value::Bool(!any))
    })
}

/// (sum, sum of squares, count) as floats, per partition or merged.
fn moments_op(merge: bool) -> Value {
    op("moments", move |vm, a| {
        let (mut s, mut s2, mut n) = (0.0, 0.0, 0.0);
        for x in vm.iterate(&a.pos[0])? {
            if merge {
                let t = vm.iterate(&x)?;
                s += to_f64(&t[0])?;
                s2 += to_f64(&t[1])?;
                n += to_f64(&t[2])?;
            } else {
                let v = to_f64(&x)?;
                s += v;
                s2 += v * v;
                n += 1.0;
            }
        }
        Ok(Value::tuple(vec![
            Value::Float(s),
            Value::Float(s2),
            Value::Float(n),
        ]))
    })
}

fn var_op(ddof: f64, sqrt: bool) -> Value {
    op("var", move |vm, a| {
        let m = vm.call_value(
            &moments_op(true),
            Args {
                pos: vec![a.pos[0].clone()],
                kw: vec![],
            },
        )?;
        let t = vm.iterate(&m)?;
        let (s, s2, n) = (to_f64(&t[0])?, to_f64(&t[1])?, to_f64(&t[2])?);
        let v = (s2 / n - (s / n) * (s / n)) * n / (n - ddof);
        Ok(Value::Float(if sqrt { v.sqrt() } else { v }))
    })
}

/// Ordered counts of items (`merge`: the items are (item, count) pairs).
fn freq_op(merge: bool, sort: bool) -> Value {
    op("frequencies", move |vm, a| {
        let mut idx: FxHashMap<HashKey, usize> = FxHashMap::default();
        let mut out: Vec<(Value, Value)> = Vec::new();
        let mut xs = Vec::new();
        for p in vm.iterate(&a.pos[0])? {
            if merge {
                xs.extend(vm.iterate(&p)?);
            } else {
                xs.push(Value::tuple(vec![p, Value::Int(1)]));
            }
        }
        for pair in xs {
            let t = vm.iterate(&pair)?;
            let k = vm.hash_key(&t[0])?;
            match idx.get(&k) {
                Some(&i) => {
                    let c = crate::lang::ops::binop(vm, BinOp::Add, &out[i].1, &t[1])?;
                    out[i].1 = c;
                }
                None => {
                    idx.insert(k, out.len());
                    out.push((t[0].clone(), t[1].clone()));
                }
            }
        }
        if sort {
            out.sort_by_key(|(_, c)| std::cmp::Reverse(if let Value::Int(n) = c { *n } else { 0 }));
        }
        Ok(Value::list(
            out.into_iter()
                .map(|(k, c)| Value::tuple(vec![k, c]))
                .collect(),
        ))
    })
}

fn distinct_op(merge: bool) -> Value {
    op("distinct", move |vm, a| {
        let mut seen: FxHashMap<HashKey, ()> = FxHashMap::default();
        let mut out = Vec::new();
        let xs = if merge {
            {
                let ps = vm.iterate(&a.pos[0])?;
                parts::concat(vm, &ps)?
            }
        } else {
            vm.iterate(&a.pos[0])?
        };
        for x in xs {
            if seen.insert(vm.hash_key(&x)?, ()).is_none() {
                out.push(x);
            }
        }
        Ok(Value::list(out))
    })
}

/// The k largest items by `key`, largest first.
fn topk_op(k: usize, key: Value, merge: bool) -> Value {
    op("topk", move |vm, a| {
        let xs = if merge {
            {
                let ps = vm.iterate(&a.pos[0])?;
                parts::concat(vm, &ps)?
            }
        } else {
            vm.iterate(&a.pos[0])?
        };
        let mut best: Vec<(Value, Value)> = Vec::new();
        for x in xs {
            let kx = match &key {
                Value::None => x.clone(),
                f => vm.call_value(
                    f,
                    Args {
                        pos: vec![x.clone()],
                        kw: vec![],
                    },
                )?,
            };
            let mut at = best.len();
            for (i, (kb, _)) in best.iter().enumerate() {
                let c = vm.compare(CmpOp::Gt, &kx, kb)?;
                if vm.truthy(&c)? {
                    at = i;
                    break;
                }
            }
            if at < k {
                best.insert(at, (kx, x));
                best.truncate(k);
            }
        }
        Ok(Value::list(best.into_iter().map(|(_, x)| x).collect()))
    })
}

fn fold_op(binop: Value, initial: Option<Value>) -> Value {
    op("fold", move |vm, a| {
        let xs = vm.iterate(&a.pos[0])?;
        parts::fold_values(vm, &binop, initial.clone(), xs)?
            .ok_or_else(|| exc::type_error("reduce() of empty iterable with no initial value"))
    })
}

fn m(b: &Bag, name: &'static str, f: fn(&Bag, &mut Vm, Args) -> PyResult<Value>) -> Value {
    let b = b.clone();
    Builtin::value(name, "", "dask.bag reduction.", move |vm, a| f(&b, vm, a))
}

/// The reduction methods of a bag.
pub fn getattr(b: &Bag, name: &str) -> Option<PyResult<Value>> {
    Some(Ok(match name {
        "sum" => m(b, "sum", |b, _, _| Ok(item(b, "sum", sum_op(), sum_op()))),
        "count" => m(b, "count", |b, _, _| {
            let count = op("count", |vm, a| {
                Ok(Value::Int(vm.iterate(&a.pos[0])?.len() as i64))
            });
            Ok(item(b, "count", count, sum_op()))
        }),
        "min" => m(b, "min", |b, _, _| {
            Ok(item(b, "min", extreme_op(true), extreme_op(true)))
        }),
        "max" => m(b, "max", |b, _, _| {
            Ok(item(b, "max", extreme_op(false), extreme_op(false)))
        }),
        "any" => m(b, "any", |b, _, _| {
            Ok(item(b, "any", truth_op(true), truth_op(true)))
        }),
        "all" => m(b, "all", |b, _, _| {
            Ok(item(b, "all", truth_op(false), truth_op(false)))
        }),
        "mean" => m(b, "mean", |b, _, _| {
            let agg = op("mean", |vm, a| {
                let m = vm.call_value(
                    &moments_op(true),
                    Args {
                        pos: vec![a.pos[0].clone()],
                        kw: vec![],
                    },
                )?;
                let t = vm.iterate(&m)?;
                Ok(Value::Float(to_f64(&t[0])? / to_f64(&t[2])?))
            });
            Ok(item(b, "mean", moments_op(false), agg))
        }),
        "var" | "std" => {
            let sqrt = name == "std";
            let b = b.clone();
            Builtin::value(name, "", "dask.bag reduction.", move |_vm, mut a| {
                let ddof = match a.take_kw("ddof").or_else(|| a.pos.first().cloned()) {
                    Some(v) => to_f64(&v)?,
                    None => 0.0,
                };
                let n = if sqrt { "std" } else { "var" };
                Ok(item(&b, n, moments_op(false), var_op(ddof, sqrt)))
            })
        }
        "frequencies" => m(b, "frequencies", |b, _, mut a| {
            let sort = a
                .take_kw("sort")
                .or_else(|| a.pos.first().cloned())
                .and_then(|v| v.truthy_simple())
                .unwrap_or(false);
            Ok(one_part_bag(
                b,
                "frequencies",
                freq_op(false, false),
                freq_op(true, sort),
            ))
        }),
        "distinct" => m(b, "distinct", |b, _, _| {
            Ok(one_part_bag(
                b,
                "distinct",
                distinct_op(false),
                distinct_op(true),
            ))
        }),
        "topk" => m(b, "topk", |b, _, mut a| {
            let key = a
                .take_kw("key")
                .or_else(|| a.pos.get(1).cloned())
                .unwrap_or(Value::None);
            let k = match a.pos.first() {
                Some(Value::Int(k)) if *k >= 0 => *k as usize,
                _ => return Err(exc::type_error("topk() requires a non-negative integer k")),
            };
            Ok(one_part_bag(
                b,
                "topk",
                topk_op(k, key.clone(), false),
                topk_op(k, key, true),
            ))
        }),
        "fold" => m(b, "fold", |b, _, mut a| {
            let initial = a.take_kw("initial");
            let combine = a.take_kw("combine").or_else(|| a.pos.get(1).cloned());
            let binop = a
                .pos
                .first()
                .cloned()
                .ok_or_else(|| exc::type_error("fold() missing 'binop'"))?;
            let combine = match combine {
                Some(Value::None) | None => binop.clone(),
                Some(c) => c,
            };
            Ok(item(
                b,
                "fold",
                fold_op(binop, initial.clone()),
                fold_op(combine, initial),
            ))
        }),
        "reduction" => m(b, "reduction", |b, _, a| {
            a.exact("reduction", 2)?;
            Ok(item(b, "reduction", a.pos[0].clone(), a.pos[1].clone()))
        }),
        _ => return None,
    }))
}
