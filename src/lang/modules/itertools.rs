//! `itertools`.

use super::new_module;
use crate::lang::builtins::to_int;
use crate::lang::eval::Args;
use crate::lang::exc::{self, PyResult};
use crate::lang::ir::BinOp;
use crate::lang::ops;
use crate::lang::value::Value;
use parking_lot::Mutex;
use std::sync::Arc;

fn native_iter(it: impl Iterator<Item = Value> + Send + Sync + 'static) -> Value {
    Value::Iter(Arc::new(Mutex::new(crate::lang::value::IterState::Native(
        Box::new(it),
    ))))
}

fn product(lists: &[Vec<Value>]) -> Vec<Value> {
    let mut out: Vec<Vec<Value>> = vec![vec![]];
    for l in lists {
        let mut next = Vec::new();
        for prefix in &out {
            for x in l {
                let mut p = prefix.clone();
                p.push(x.clone());
                next.push(p);
            }
        }
        out = next;
    }
    out.into_iter().map(Value::tuple).collect()
}

fn combos(items: &[Value], r: usize, start: usize, cur: &mut Vec<Value>, out: &mut Vec<Value>) {
    if cur.len() == r {
        out.push(Value::tuple(cur.clone()));
        return;
    }
    for i in start..items.len() {
        cur.push(items[i].clone());
        combos(items, r, i + 1, cur, out);
        cur.pop();
    }
}

fn perms(
    items: &[Value],
    r: usize,
    used: &mut Vec<bool>,
    cur: &mut Vec<Value>,
    out: &mut Vec<Value>,
) {
    if cur.len() == r {
        out.push(Value::tuple(cur.clone()));
        return;
    }
    for i in 0..items.len() {
        if !used[i] {
            used[i] = true;
            cur.push(items[i].clone());
            perms(items, r, used, cur, out);
            cur.pop();
            used[i] = false;
        }
    }
}

pub(super) fn itertools() -> Value {
    let m = new_module(
        "itertools",
        "Functional tools for creating and using iterators.",
    );
    m.func(
        "count",
        "count(start=0, step=1)",
        "Return a count object whose .__next__() method returns consecutive values.",
        |_vm, mut a| {
            let start = a
                .arg(0, "start")
                .map(|v| to_int(&v, ""))
                .transpose()?
                .unwrap_or(0);
            let step = a
                .arg(1, "step")
                .map(|v| to_int(&v, ""))
                .transpose()?
                .unwrap_or(1);
            Ok(native_iter(
                (0..).map(move |i: i64| Value::Int(start + i * step)),
            ))
        },
    );
    m.func(
        "repeat",
        "repeat(object[, times])",
        "Repeat an object, forever or a number of times.",
        |_vm, a| {
            let v = a.pos.first().cloned().unwrap_or(Value::None);
            match a.pos.get(1) {
                Some(n) => Ok(Value::iter_of(vec![v; to_int(n, "")?.max(0) as usize])),
                None => Ok(native_iter(std::iter::repeat(v))),
            }
        },
    );
    m.func(
        "chain",
        "chain(*iterables)",
        "Iterate over each iterable in turn.",
        |vm, a| {
            let mut out = Vec::new();
            for x in &a.pos {
                out.extend(vm.iterate(x)?);
            }
            Ok(Value::iter_of(out))
        },
    );
    m.func(
        "islice",
        "islice(iterable, stop) / islice(iterable, start, stop[, step])",
        "Return an iterator whose next() returns selected values.",
        |vm, a| {
            let (start, stop, step) = match a.pos.len() {
                2 => (0, a.pos[1].clone(), 1),
                3 => (to_int(&a.pos[1], "")?, a.pos[2].clone(), 1),
                4 => (
                    to_int(&a.pos[1], "")?,
                    a.pos[2].clone(),
                    to_int(&a.pos[3], "")?,
                ),
                _ => return Err(exc::type_error("islice expected 2 to 4 arguments")),
            };
            let stop = if stop.is_none() {
                None
            } else {
                Some(to_int(&stop, "")?)
            };
            let mut it = vm.iter(&a.pos[0])?;
            let mut out = Vec::new();
            let mut i = 0i64;
            while stop.map(|s| i < s).unwrap_or(true) {
                let Some(x) = it.next(vm)? else { break };
                if i >= start && (i - start) % step.max(1) == 0 {
                    out.push(x);
                }
                i += 1;
            }
            Ok(Value::iter_of(out))
        },
    );
    m.func(
        "product",
        "product(*iterables, repeat=1)",
        "Cartesian product of input iterables.",
        |vm, mut a| {
            let rep = a
                .take_kw("repeat")
                .map(|v| to_int(&v, ""))
                .transpose()?
                .unwrap_or(1);
            let mut lists = Vec::new();
            for x in &a.pos {
                lists.push(vm.iterate(x)?);
            }
            let all: Vec<Vec<Value>> = (0..rep.max(0)).flat_map(|_| lists.clone()).collect();
            Ok(Value::iter_of(product(&all)))
        },
    );
    m.func(
        "combinations",
        "combinations(iterable, r)",
        "Return successive r-length combinations of elements in the iterable.",
        |vm, a| {
            a.exact("combinations", 2)?;
            let items = vm.iterate(&a.pos[0])?;
            let r = to_int(&a.pos[1], "")?.max(0) as usize;
            let mut out = Vec::new();
            combos(&items, r, 0, &mut Vec::new(), &mut out);
            Ok(Value::iter_of(out))
        },
    );
    m.func(
        "permutations",
        "permutations(iterable, r=None)",
        "Return successive r-length permutations of elements in the iterable.",
        |vm, a| {
            let items = vm.iterate(a.pos.first().unwrap_or(&Value::None))?;
            let r = match a.pos.get(1) {
                Some(Value::None) | None => items.len(),
                Some(v) => to_int(v, "")?.max(0) as usize,
            };
            let mut out = Vec::new();
            perms(
                &items,
                r,
                &mut vec![false; items.len()],
                &mut Vec::new(),
                &mut out,
            );
            Ok(Value::iter_of(out))
        },
    );
    m.func(
        "accumulate",
        "accumulate(iterable, func=None, *, initial=None)",
        "Return series of accumulated sums (or other binary function results).",
        |vm, mut a| {
            let init = a.take_kw("initial");
            let f = a
                .take_kw("func")
                .or_else(|| a.pos.get(1).cloned())
                .filter(|f| !f.is_none());
            let items = vm.iterate(a.pos.first().unwrap_or(&Value::None))?;
            let mut out = Vec::new();
            let mut acc = init.filter(|v| !v.is_none());
            if let Some(i) = &acc {
                out.push(i.clone());
            }
            for x in items {
                acc = Some(match acc {
                    None => x,
                    Some(p) => match &f {
                        Some(f) => vm.call_value(f, Args::pos(vec![p, x]))?,
                        None => ops::binop(vm, BinOp::Add, &p, &x)?,
                    },
                });
                out.push(acc.clone().unwrap_or(Value::None));
            }
            Ok(Value::iter_of(out))
        },
    );
    m.func(
        "groupby",
        "groupby(iterable, key=None)",
        "Make an iterator that returns consecutive keys and groups from the iterable.",
        |vm, mut a| {
            let key = a
                .take_kw("key")
                .or_else(|| a.pos.get(1).cloned())
                .filter(|k| !k.is_none());
            let items = vm.iterate(a.pos.first().unwrap_or(&Value::None))?;
            let mut out: Vec<(Value, Vec<Value>)> = Vec::new();
            for x in items {
                let k = match &key {
                    Some(f) => vm.call_value(f, Args::pos(vec![x.clone()]))?,
                    None => x.clone(),
                };
                let same = match out.last() {
                    Some((pk, _)) => ops::values_eq(vm, pk, &k)?,
                    None => false,
                };
                if same {
                    if let Some(last) = out.last_mut() {
                        last.1.push(x);
                    }
                } else {
                    out.push((k, vec![x]));
                }
            }
            Ok(Value::iter_of(
                out.into_iter()
                    .map(|(k, g)| Value::tuple(vec![k, Value::iter_of(g)]))
                    .collect(),
            ))
        },
    );
    m.func(
        "zip_longest",
        "zip_longest(*iterables, fillvalue=None)",
        "Zip iterables, filling shorter ones with fillvalue.",
        |vm, mut a| {
            let fill = a.take_kw("fillvalue").unwrap_or(Value::None);
            let lists: Vec<Vec<Value>> = a
                .pos
                .iter()
                .map(|x| vm.iterate(x))
                .collect::<PyResult<_>>()?;
            let n = lists.iter().map(Vec::len).max().unwrap_or(0);
            Ok(Value::iter_of(
                (0..n)
                    .map(|i| {
                        Value::tuple(
                            lists
                                .iter()
                                .map(|l| l.get(i).cloned().unwrap_or_else(|| fill.clone()))
                                .collect(),
                        )
                    })
                    .collect(),
            ))
        },
    );
    m.func(
        "starmap",
        "starmap(function, iterable)",
        "Call function with argument tuples from the iterable.",
        |vm, a| {
            a.exact("starmap", 2)?;
            let items = vm.iterate(&a.pos[1])?;
            let mut out = Vec::new();
            for x in items {
                let args = vm.iterate(&x)?;
                out.push(vm.call_value(&a.pos[0], Args::pos(args))?);
            }
            Ok(Value::iter_of(out))
        },
    );
    Value::Module(m)
}
