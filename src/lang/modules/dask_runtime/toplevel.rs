//! `dask.compute`, `dask.persist`, `dask.visualize` and `dask.optimize` over any mix
//! of arrays, delayed values and bags, found inside lists, tuples and dicts as
//! Dask's `traverse=True` does. Arrays run in one scheduler run, delayed values and
//! bag partitions in another, so work shared within each kind runs once.

use super::super::dask_array::{self, objects::as_array};
use super::super::dask_bag::{as_bag, concat_parts};
use super::super::dask_delayed::{as_delayed, compute_delayed, context_key};
use crate::array::Array;
use crate::delayed::Delayed;
use crate::graph::{Key, Task, TaskGraph};
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::value::Value;
use crate::sched::datum;

/// A value with its collections replaced by slots.
enum Shape {
    Plain(Value),
    Array(usize),
    Delayed(usize),
    Bag(usize, usize),
    List(Vec<Shape>),
    Tuple(Vec<Shape>),
    Dict(Vec<(Value, Shape)>),
}

#[derive(Default)]
struct Found {
    arrays: Vec<Array>,
    delayed: Vec<Delayed>,
}

fn walk(v: &Value, traverse: bool, f: &mut Found) -> Shape {
    if let Some(a) = as_array(v) {
        f.arrays.push(a);
        return Shape::Array(f.arrays.len() - 1);
    }
    if let Some(d) = as_delayed(v) {
        f.delayed.push(d);
        return Shape::Delayed(f.delayed.len() - 1);
    }
    if let Some(b) = as_bag(v) {
        let start = f.delayed.len();
        f.delayed.extend(b.parts.iter().cloned());
        return Shape::Bag(start, b.parts.len());
    }
    if !traverse {
        return Shape::Plain(v.clone());
    }
    match v {
        Value::List(l) => Shape::List(l.read().iter().map(|x| walk(x, true, f)).collect()),
        Value::Tuple(t) => Shape::Tuple(t.iter().map(|x| walk(x, true, f)).collect()),
        Value::Dict(d) => Shape::Dict(
            d.read()
                .values()
                .map(|(k, x)| (k.clone(), walk(x, true, f)))
                .collect(),
        ),
        other => Shape::Plain(other.clone()),
    }
}

fn rebuild(vm: &mut Vm, s: Shape, arrays: &[Value], delayed: &[Value]) -> PyResult<Value> {
    Ok(match s {
        Shape::Plain(v) => v,
        Shape::Array(i) => arrays[i].clone(),
        Shape::Delayed(i) => delayed[i].clone(),
        Shape::Bag(start, n) => concat_parts(vm, &delayed[start..start + n])?,
        Shape::List(items) => Value::list(
            items
                .into_iter()
                .map(|x| rebuild(vm, x, arrays, delayed))
                .collect::<PyResult<_>>()?,
        ),
        Shape::Tuple(items) => Value::tuple(
            items
                .into_iter()
                .map(|x| rebuild(vm, x, arrays, delayed))
                .collect::<PyResult<_>>()?,
        ),
        Shape::Dict(items) => {
            let mut d = crate::lang::value::dict::new_dict();
            for (k, x) in items {
                let v = rebuild(vm, x, arrays, delayed)?;
                let hk = crate::lang::value::HashKey::of(&k)
                    .ok_or_else(|| exc::type_error("unhashable dict key"))?;
                d.insert(hk, (k, v));
            }
            Value::dict(d)
        }
    })
}

fn traverse_kw(a: &mut Args) -> bool {
    a.take_kw("traverse")
        .and_then(|v| v.truthy_simple())
        .unwrap_or(true)
}

/// `dask.compute(*args, scheduler=None, num_workers=None, traverse=True)`.
pub fn compute(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let sched = super::scheduler_from(vm, &mut a)?;
    let traverse = traverse_kw(&mut a);
    let _ = a.take_kw("optimize_graph");
    a.check("compute", usize::MAX)?;
    let mut found = Found::default();
    let shapes: Vec<Shape> = a
        .pos
        .iter()
        .map(|v| walk(v, traverse, &mut found))
        .collect();
    let arrays = if found.arrays.is_empty() {
        Vec::new()
    } else {
        dask_array::compute_arrays(vm, &found.arrays, sched)?
    };
    let delayed = if found.delayed.is_empty() {
        Vec::new()
    } else {
        compute_delayed(vm, &found.delayed, sched)?
    };
    let out = shapes
        .into_iter()
        .map(|s| rebuild(vm, s, &arrays, &delayed))
        .collect::<PyResult<_>>()?;
    Ok(Value::tuple(out))
}

/// Call `name()` on every collection among `args` (others pass through).
fn each_method(
    vm: &mut Vm,
    args: &[Value],
    name: &str,
    kw: &[(arcstr::ArcStr, Value)],
) -> PyResult<Vec<Value>> {
    args.iter()
        .map(|v| {
            if as_array(v).is_some() || as_delayed(v).is_some() || as_bag(v).is_some() {
                let f = vm.getattr(v, name)?;
                vm.call_value(
                    &f,
                    Args {
                        pos: vec![],
                        kw: kw.to_vec(),
                    },
                )
            } else {
                Ok(v.clone())
            }
        })
        .collect()
}

/// `dask.persist(*args)`: each collection computed and kept (a tuple, like Dask).
pub fn persist(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let mut kw = Vec::new();
    for k in ["scheduler", "num_workers"] {
        if let Some(v) = a.take_kw(k) {
            kw.push((arcstr::ArcStr::from(k), v));
        }
    }
    a.check("persist", usize::MAX)?;
    Ok(Value::tuple(each_method(vm, &a.pos, "persist", &kw)?))
}

/// `dask.optimize(*args)`: Tessera optimises (culls, fuses, orders) every graph when it
/// runs, so the collections come back unchanged, as a tuple.
pub fn optimize(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    Ok(Value::tuple(a.pos))
}

/// `dask.visualize(*args, **options)`: one picture of all the collections' tasks.
pub fn visualize(_vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let mut found = Found::default();
    let pos = std::mem::take(&mut a.pos);
    for v in &pos {
        walk(v, true, &mut found);
    }
    let mut g = TaskGraph::new();
    let mut outputs: Vec<Key> = Vec::new();
    if !found.arrays.is_empty() {
        g.merge(
            crate::array::lower::lower_plain(&found.arrays)
                .map_err(|e| exc::new("ValueError", e.to_string()))?,
        );
        for x in &found.arrays {
            outputs.extend(crate::array::lower::block_keys(x));
        }
    }
    if !found.delayed.is_empty() {
        g.merge(Delayed::to_graph(&found.delayed));
        g.insert(context_key(), Task::literal(datum(())));
        outputs.extend(found.delayed.iter().map(|d| d.key().clone()));
    }
    if outputs.is_empty() {
        return Err(exc::type_error(
            "visualize() needs at least one dask collection",
        ));
    }
    dask_array::visualize::visualize(g, &outputs, a)
}
