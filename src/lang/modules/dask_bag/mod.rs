//! `dask.bag`: lazy bags of Python objects split into partitions; each
//! partition is a delayed task producing a list, so bag pipelines run in
//! parallel on the scheduler (no GIL).

mod bag;
mod groupby;
mod parts;
mod reduce;

pub use bag::{as_bag, Bag};

/// A computed bag: its partitions' lists concatenated.
pub fn concat_parts(vm: &mut Vm, parts: &[Value]) -> PyResult<Value> {
    parts::concat(vm, parts).map(Value::list)
}

use super::dask_delayed::as_delayed;
use super::new_module;
use crate::delayed::{Delayed, KeyRule};
use crate::graph::Tokenizer;
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::value::Value;
use crate::sched::datum;

/// Dask's default partition size for `n` items: 1 up to 100 items, else ceil(sqrt(n)/10).
pub fn default_partition_size(n: usize) -> usize {
    if n <= 100 {
        1
    } else {
        ((n as f64).sqrt() / 10.0).ceil().max(1.0) as usize
    }
}

fn int_kw(a: &mut Args, name: &str, pos: usize) -> PyResult<Option<usize>> {
    match a.take_kw(name).or_else(|| a.pos.get(pos).cloned()) {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(n)) if n > 0 => Ok(Some(n as usize)),
        Some(v) => Err(exc::value_error(format!(
            "{name} must be a positive integer, got {}",
            crate::lang::repr::repr_simple(&v)
        ))),
    }
}

/// Split `items` into literal partitions of `size` items each.
pub fn from_items(items: Vec<Value>, size: usize, name: &str) -> Bag {
    let mut tok = Tokenizer::new();
    tok.u64(items.len() as u64);
    let size = size.max(1);
    let mut parts = Vec::new();
    let mut chunks: Vec<Vec<Value>> = items.chunks(size).map(|c| c.to_vec()).collect();
    if chunks.is_empty() {
        chunks.push(Vec::new());
    }
    for c in chunks {
        parts.push(Delayed::literal(
            name,
            datum(Value::list(c)),
            &KeyRule::Impure,
        ));
    }
    Bag {
        parts,
        name: name.to_string(),
    }
}

fn from_sequence(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let items = match a.pos.first() {
        Some(v) => vm.iterate(&v.clone())?,
        None => return Err(exc::type_error("from_sequence() missing 'seq'")),
    };
    let psize = int_kw(&mut a, "partition_size", 1)?;
    let nparts = int_kw(&mut a, "npartitions", 2)?;
    let n = items.len();
    let size = match (psize, nparts) {
        (Some(s), _) => s,
        (None, Some(p)) => n.div_ceil(p).max(1),
        (None, None) => default_partition_size(n),
    };
    Ok(from_items(items, size, "from_sequence").value())
}

fn range(_vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let n = match a.pos.first() {
        Some(Value::Int(n)) => (*n).max(0) as usize,
        _ => return Err(exc::type_error("range() requires an integer n")),
    };
    let np = int_kw(&mut a, "npartitions", 1)?
        .ok_or_else(|| exc::type_error("range() missing required argument 'npartitions'"))?;
    // Dask's rule: n // npartitions per partition, the remainder in the last one.
    let size = (n / np).max(1);
    let mut parts = Vec::with_capacity(np);
    for i in 0..np {
        let lo = (i * size).min(n);
        let hi = if i + 1 == np {
            n
        } else {
            ((i + 1) * size).min(n)
        };
        let items = (lo as i64..hi as i64).map(Value::Int).collect();
        parts.push(Delayed::literal(
            "range",
            datum(Value::list(items)),
            &KeyRule::Impure,
        ));
    }
    let b = Bag {
        parts,
        name: "range".into(),
    };
    Ok(b.value())
}

fn from_delayed(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let seq = match a.pos.first() {
        Some(v) => v.clone(),
        None => return Err(exc::type_error("from_delayed() missing 'values'")),
    };
    let vals = match as_delayed(&seq) {
        Some(d) => vec![d],
        None => vm
            .iterate(&seq)?
            .iter()
            .map(|v| {
                as_delayed(v)
                    .ok_or_else(|| exc::type_error("from_delayed() expects Delayed values"))
            })
            .collect::<PyResult<_>>()?,
    };
    Ok(Bag {
        parts: vals,
        name: "from-delayed".into(),
    }
    .value())
}

fn zip(_vm: &mut Vm, a: Args) -> PyResult<Value> {
    let bags: Vec<Bag> = a
        .pos
        .iter()
        .map(|v| as_bag(v).ok_or_else(|| exc::type_error("zip() expects bags")))
        .collect::<PyResult<_>>()?;
    let first = bags
        .first()
        .ok_or_else(|| exc::type_error("zip() needs at least one bag"))?;
    if bags.iter().any(|b| b.parts.len() != first.parts.len()) {
        return Err(exc::value_error(
            "zip requires bags with the same number of partitions",
        ));
    }
    let op = parts::op("zip", |vm, a| {
        let cols: Vec<Vec<Value>> = a
            .pos
            .iter()
            .map(|p| vm.iterate(p))
            .collect::<PyResult<_>>()?;
        let n = cols.iter().map(|c| c.len()).min().unwrap_or(0);
        Ok(Value::list(
            (0..n)
                .map(|i| Value::tuple(cols.iter().map(|c| c[i].clone()).collect()))
                .collect(),
        ))
    });
    let parts = (0..first.parts.len())
        .map(|i| {
            let args: Vec<Value> = bags.iter().map(|b| b.part_value(i)).collect();
            bag::task("zip", op.clone(), &args, &[])
        })
        .collect();
    Ok(Bag {
        parts,
        name: "zip".into(),
    }
    .value())
}

/// Build `dask.bag`.
pub(super) fn build() -> Value {
    let m = new_module("dask.bag", "Lazy parallel bags of Python objects.");
    m.func(
        "from_sequence",
        "from_sequence(seq, partition_size=None, npartitions=None)",
        "Create a bag from a sequence, split into partitions.",
        from_sequence,
    );
    m.func("range", "range(n, npartitions)", "A bag of 0..n.", range);
    m.func(
        "from_delayed",
        "from_delayed(values)",
        "A bag with one partition per delayed list.",
        from_delayed,
    );
    m.func(
        "zip",
        "zip(*bags)",
        "Zip bags partition-wise into tuples.",
        zip,
    );
    Value::Module(m)
}

#[cfg(test)]
mod tests;
