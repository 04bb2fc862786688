//! Iteration builtins: range, enumerate, zip, map, filter, sorted, reversed, sum, min,
//! max, any, all, iter, next.

use super::{add, add_type, to_int, Table};
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::ir::{BinOp, CmpOp};
use crate::lang::ops;
use crate::lang::value::Value;
use std::sync::Arc;

fn min_max(vm: &mut Vm, mut a: Args, name: &str, want: CmpOp) -> PyResult<Value> {
    let key = a.take_kw("key").filter(|k| !k.is_none());
    let default = a.take_kw("default");
    a.check(name, usize::MAX)?;
    let items = if a.pos.len() == 1 {
        vm.iterate(&a.pos[0])?
    } else if a.pos.is_empty() {
        return Err(exc::type_error(format!(
            "{name} expected at least 1 argument, got 0"
        )));
    } else {
        if default.is_some() {
            return Err(exc::type_error(format!(
                "Cannot specify a default for {name}() with multiple positional arguments"
            )));
        }
        a.pos
    };
    let mut best: Option<(Value, Value)> = None;
    for x in items {
        let k = match &key {
            Some(f) => vm.call_value(f, Args::pos(vec![x.clone()]))?,
            None => x.clone(),
        };
        best = match best {
            None => Some((k, x)),
            Some((bk, bx)) => {
                let better = vm.compare(want, &k, &bk)?;
                if vm.truthy(&better)? {
                    Some((k, x))
                } else {
                    Some((bk, bx))
                }
            }
        };
    }
    match best {
        Some((_, x)) => Ok(x),
        None => {
            default.ok_or_else(|| exc::value_error(format!("{name}() arg is an empty sequence")))
        }
    }
}

pub(super) fn register(t: &mut Table) {
    add_type(t, "range", "range(stop) / range(start, stop[, step])", "Return an object that produces a sequence of integers from start (inclusive) to stop (exclusive) by step.", |_vm, a| {
        if !a.kw.is_empty() {
            return Err(exc::type_error("range() takes no keyword arguments"));
        }
        let p: Vec<i64> = a.pos.iter().map(|v| to_int(v, "")).collect::<PyResult<_>>()?;
        let r = match p.len() {
            1 => [0, p[0], 1],
            2 => [p[0], p[1], 1],
            3 => [p[0], p[1], p[2]],
            0 => return Err(exc::type_error("range expected at least 1 argument, got 0")),
            n => return Err(exc::type_error(format!("range expected at most 3 arguments, got {n}"))),
        };
        if r[2] == 0 {
            return Err(exc::value_error("range() arg 3 must not be zero"));
        }
        Ok(Value::Range(Arc::new(r)))
    });
    add_type(
        t,
        "enumerate",
        "enumerate(iterable, start=0)",
        "Return an enumerate object yielding (index, value) pairs.",
        |vm, mut a| {
            let start = match a.take_kw("start").or_else(|| a.pos.get(1).cloned()) {
                Some(s) => to_int(&s, "")?,
                None => 0,
            };
            let it = a.pos.first().cloned().ok_or_else(|| {
                exc::type_error("enumerate() missing required argument 'iterable' (pos 1)")
            })?;
            let items = vm.iterate(&it)?;
            Ok(Value::iter_of(
                items
                    .into_iter()
                    .enumerate()
                    .map(|(i, x)| Value::tuple(vec![Value::Int(start + i as i64), x]))
                    .collect(),
            ))
        },
    );
    add_type(
        t,
        "zip",
        "zip(*iterables, strict=False)",
        "Yield tuples until an input is exhausted.",
        |vm, mut a| {
            let strict = match a.take_kw("strict") {
                Some(v) => vm.truthy(&v)?,
                None => false,
            };
            let lists: Vec<Vec<Value>> = a
                .pos
                .iter()
                .map(|x| vm.iterate(x))
                .collect::<PyResult<_>>()?;
            let n = lists.iter().map(Vec::len).min().unwrap_or(0);
            if strict {
                if let Some(i) = lists.iter().position(|l| l.len() != lists[0].len()) {
                    let which = if lists[i].len() > lists[0].len() {
                        "longer"
                    } else {
                        "shorter"
                    };
                    let others = if i == 1 {
                        "argument 1".to_string()
                    } else {
                        format!("arguments 1-{i}")
                    };
                    return Err(exc::value_error(format!(
                        "zip() argument {} is {which} than {others}",
                        i + 1
                    )));
                }
            }
            Ok(Value::iter_of(
                (0..n)
                    .map(|i| Value::tuple(lists.iter().map(|l| l[i].clone()).collect()))
                    .collect(),
            ))
        },
    );
    add_type(
        t,
        "map",
        "map(function, iterable, /, *iterables)",
        "Make an iterator that computes the function using arguments from each of the iterables.",
        |vm, a| {
            if a.pos.len() < 2 {
                return Err(exc::type_error("map() must have at least two arguments."));
            }
            let f = a.pos[0].clone();
            let lists: Vec<Vec<Value>> = a.pos[1..]
                .iter()
                .map(|x| vm.iterate(x))
                .collect::<PyResult<_>>()?;
            let n = lists.iter().map(Vec::len).min().unwrap_or(0);
            let mut out = Vec::with_capacity(n);
            for i in 0..n {
                out.push(
                    vm.call_value(&f, Args::pos(lists.iter().map(|l| l[i].clone()).collect()))?,
                );
            }
            Ok(Value::iter_of(out))
        },
    );
    add_type(
        t,
        "filter",
        "filter(function or None, iterable, /)",
        "Return an iterator yielding those items of iterable for which function(item) is true.",
        |vm, a| {
            a.exact("filter", 2)?;
            let items = vm.iterate(&a.pos[1])?;
            let mut out = Vec::new();
            for x in items {
                let keep = if a.pos[0].is_none() {
                    vm.truthy(&x)?
                } else {
                    let r = vm.call_value(&a.pos[0], Args::pos(vec![x.clone()]))?;
                    vm.truthy(&r)?
                };
                if keep {
                    out.push(x);
                }
            }
            Ok(Value::iter_of(out))
        },
    );
    add(
        t,
        "sorted",
        "sorted(iterable, /, *, key=None, reverse=False)",
        "Return a new list containing all items from the iterable in ascending order.",
        |vm, mut a| {
            let key = a.take_kw("key");
            let rev = match a.take_kw("reverse") {
                Some(v) => vm.truthy(&v)?,
                None => false,
            };
            a.exact("sorted", 1)?;
            let mut items = vm.iterate(&a.pos[0])?;
            ops::sort_values(vm, &mut items, key.as_ref(), rev)?;
            Ok(Value::list(items))
        },
    );
    add_type(
        t,
        "reversed",
        "reversed(sequence, /)",
        "Return a reverse iterator over the values of the given sequence.",
        |vm, a| {
            a.exact("reversed", 1)?;
            if let Value::Instance(i) = &a.pos[0] {
                if let Some(f) = i.class.lookup("__reversed__") {
                    return vm.call_value(&f, Args::pos(vec![a.pos[0].clone()]));
                }
            }
            if matches!(&a.pos[0], Value::Set(_) | Value::Iter(_)) {
                return Err(exc::type_error(format!(
                    "'{}' object is not reversible",
                    a.pos[0].type_name()
                )));
            }
            let mut items = vm.iterate(&a.pos[0])?;
            items.reverse();
            Ok(Value::iter_of(items))
        },
    );
    add(
        t,
        "sum",
        "sum(iterable, /, start=0)",
        "Return the sum of a 'start' value (default: 0) plus an iterable of numbers.",
        |vm, mut a| {
            let start = a
                .take_kw("start")
                .or_else(|| a.pos.get(1).cloned())
                .unwrap_or(Value::Int(0));
            if let Value::Str(_) = start {
                return Err(exc::type_error(
                    "sum() can't sum strings [use ''.join(seq) instead]",
                ));
            }
            let it = a.pos.first().cloned().ok_or_else(|| {
                exc::type_error("sum() takes at least 1 positional argument (0 given)")
            })?;
            // Plain left-to-right addition, as CPython 3.11 does (3.12's
            // compensated float sum is not 3.11's).
            let (mut acc, done, all) = match &it {
                Value::List(l) => {
                    let l = l.read();
                    let (acc, done) = sum_numeric_prefix(&l, start)?;
                    (acc, done, done == l.len())
                }
                Value::Tuple(t) => {
                    let (acc, done) = sum_numeric_prefix(t, start)?;
                    (acc, done, done == t.len())
                }
                _ => (start, 0, false),
            };
            if all {
                return Ok(acc);
            }
            let items = vm.iterate(&it)?;
            for x in items.iter().skip(done) {
                acc = ops::binop(vm, BinOp::Add, &acc, x)?;
            }
            Ok(acc)
        },
    );
    add(
        t,
        "min",
        "min(iterable, *[, default=obj, key=func]) / min(arg1, arg2, *args, *[, key=func])",
        "With a single iterable argument, return its smallest item.",
        |vm, a| min_max(vm, a, "min", CmpOp::Lt),
    );
    add(
        t,
        "max",
        "max(iterable, *[, default=obj, key=func]) / max(arg1, arg2, *args, *[, key=func])",
        "With a single iterable argument, return its biggest item.",
        |vm, a| min_max(vm, a, "max", CmpOp::Gt),
    );
    add(
        t,
        "any",
        "any(iterable, /)",
        "Return True if bool(x) is True for any x in the iterable.",
        |vm, a| {
            a.exact("any", 1)?;
            let mut it = vm.iter(&a.pos[0])?;
            while let Some(x) = it.next(vm)? {
                if vm.truthy(&x)? {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        },
    );
    add(
        t,
        "all",
        "all(iterable, /)",
        "Return True if bool(x) is True for all values x in the iterable.",
        |vm, a| {
            a.exact("all", 1)?;
            let mut it = vm.iter(&a.pos[0])?;
            while let Some(x) = it.next(vm)? {
                if !vm.truthy(&x)? {
                    return Ok(Value::Bool(false));
                }
            }
            Ok(Value::Bool(true))
        },
    );
    add(
        t,
        "iter",
        "iter(iterable)",
        "Get an iterator from an object.",
        |vm, a| {
            a.exact("iter", 1)?;
            match &a.pos[0] {
                v @ Value::Iter(_) => Ok(v.clone()),
                Value::Instance(i) if i.class.lookup("__iter__").is_some() => {
                    let f = i.class.lookup("__iter__").expect("checked");
                    vm.call_value(&f, Args::pos(vec![a.pos[0].clone()]))
                }
                other => Ok(Value::iter_of(vm.iterate(other)?)),
            }
        },
    );
    add(
        t,
        "next",
        "next(iterator[, default])",
        "Return the next item from the iterator.",
        |vm, a| {
            let it = a
                .pos
                .first()
                .cloned()
                .ok_or_else(|| exc::type_error("next expected at least 1 argument, got 0"))?;
            let r = match &it {
                Value::Iter(s) => crate::lang::eval::next_shared(s),
                Value::Instance(_) => {
                    let f = vm.getattr(&it, "__next__")?;
                    match vm.call_value(&f, Args::default()) {
                        Ok(v) => Some(v),
                        Err(e) if e.is("StopIteration") => None,
                        Err(e) => return Err(e),
                    }
                }
                other => {
                    return Err(exc::type_error(format!(
                        "'{}' object is not an iterator",
                        other.type_name()
                    )))
                }
            };
            match r {
                Some(v) => Ok(v),
                None => match a.pos.get(1) {
                    Some(d) => Ok(d.clone()),
                    None => Err(exc::new("StopIteration", "")),
                },
            }
        },
    );
}

/// Add up the leading ints, bools and floats of `items` onto `acc` without
/// cloning them (the common `sum(list_of_numbers)`); returns the sum so far and
/// how many items it took. The first item of another type (or another `acc`)
/// stops it, and the caller adds the rest through the generic `+`.
fn sum_numeric_prefix(items: &[Value], mut acc: Value) -> PyResult<(Value, usize)> {
    for (i, x) in items.iter().enumerate() {
        acc = match (&acc, x) {
            (Value::Int(a), Value::Int(b)) => {
                Value::Int(a.checked_add(*b).ok_or_else(exc::overflow)?)
            }
            (Value::Int(a), Value::Bool(b)) => {
                Value::Int(a.checked_add(*b as i64).ok_or_else(exc::overflow)?)
            }
            (Value::Float(a), Value::Float(b)) => Value::Float(a + b),
            (Value::Float(a), Value::Int(b)) => Value::Float(a + *b as f64),
            (Value::Int(a), Value::Float(b)) => Value::Float(*a as f64 + b),
            _ => return Ok((acc, i)),
        };
    }
    Ok((acc, items.len()))
}
