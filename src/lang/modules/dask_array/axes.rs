//! Axis bookkeeping that NumPy and Dask express through indexing and
//! transposition: `squeeze`, `expand_dims`, `swapaxes`, `moveaxis`. Written
//! once over dialect values, so eager and lazy arrays both get them (a lazy
//! array's slicing and transpose are O(1) in its chunks).

use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::value::{Module, Value};
use std::sync::Arc;

fn shape_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<usize>> {
    let s = vm.getattr(v, "shape")?;
    super::convert::shape(&s)
}

fn axis_list(v: &Value) -> PyResult<Vec<i64>> {
    match v {
        Value::Int(i) => Ok(vec![*i]),
        Value::Tuple(t) => t.iter().map(int).collect(),
        Value::List(l) => l.read().iter().map(int).collect(),
        other => Err(exc::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            other.type_name()
        ))),
    }
}

fn int(v: &Value) -> PyResult<i64> {
    crate::lang::builtins::to_int(v, "")
}

/// An axis in `0..n`, with NumPy's out-of-bounds text otherwise.
fn norm(axis: i64, n: usize) -> PyResult<usize> {
    crate::chunk::norm_axis(axis as isize, n).map_err(super::convert::chunk_error)
}

fn full_slice() -> Value {
    Value::Slice(Arc::new([Value::None, Value::None, Value::None]))
}

fn transpose(vm: &mut Vm, a: &Value, perm: Vec<usize>) -> PyResult<Value> {
    if let Some(c) = super::objects::as_ndarray(a) {
        return crate::chunk::blocks::permute(&c, &perm)
            .map(super::objects::NdArrayObj::value)
            .map_err(super::convert::chunk_error);
    }
    let f = vm.getattr(a, "transpose")?;
    let perm = Value::tuple(perm.into_iter().map(|p| Value::Int(p as i64)).collect());
    vm.call_value(&f, Args::pos(vec![perm]))
}

fn req(a: &mut Args, i: usize, name: &str, f: &str) -> PyResult<Value> {
    a.arg(i, name)
        .ok_or_else(|| exc::type_error(format!("{f}() missing required argument: '{name}'")))
}

/// `squeeze(a, axis=None)`: drop length-1 axes (all of them, or those named).
pub fn squeeze(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let x = req(&mut a, 0, "a", "squeeze")?;
    let shape = shape_of(vm, &x)?;
    let drop: Vec<usize> = match a.arg(1, "axis") {
        None | Some(Value::None) => (0..shape.len()).filter(|&i| shape[i] == 1).collect(),
        Some(v) => {
            let mut d = Vec::new();
            for ax in axis_list(&v)? {
                let ax = norm(ax, shape.len())?;
                if shape[ax] != 1 {
                    return Err(exc::value_error(
                        "cannot select an axis to squeeze out which has size not equal to one",
                    ));
                }
                d.push(ax);
            }
            d
        }
    };
    let key: Vec<Value> = (0..shape.len())
        .map(|i| {
            if drop.contains(&i) {
                Value::Int(0)
            } else {
                full_slice()
            }
        })
        .collect();
    crate::lang::ops::getitem(vm, &x, &Value::tuple(key))
}

/// `expand_dims(a, axis)`: insert length-1 axes at the given positions of the result.
pub fn expand_dims(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let x = req(&mut a, 0, "a", "expand_dims")?;
    let axes = axis_list(&req(&mut a, 1, "axis", "expand_dims")?)?;
    let out = shape_of(vm, &x)?.len() + axes.len();
    let mut at = Vec::new();
    for ax in axes {
        let ax = norm(ax, out)?;
        if at.contains(&ax) {
            return Err(exc::value_error("repeated axis"));
        }
        at.push(ax);
    }
    let key: Vec<Value> = (0..out)
        .map(|i| {
            if at.contains(&i) {
                Value::None
            } else {
                full_slice()
            }
        })
        .collect();
    crate::lang::ops::getitem(vm, &x, &Value::tuple(key))
}

/// `swapaxes(a, axis1, axis2)`.
pub fn swapaxes(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let x = req(&mut a, 0, "a", "swapaxes")?;
    let n = shape_of(vm, &x)?.len();
    let i = norm(int(&req(&mut a, 1, "axis1", "swapaxes")?)?, n)?;
    let j = norm(int(&req(&mut a, 2, "axis2", "swapaxes")?)?, n)?;
    let mut perm: Vec<usize> = (0..n).collect();
    perm.swap(i, j);
    transpose(vm, &x, perm)
}

/// `moveaxis(a, source, destination)`: the named axes move, the rest keep their order.
pub fn moveaxis(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let x = req(&mut a, 0, "a", "moveaxis")?;
    let n = shape_of(vm, &x)?.len();
    let src = axis_list(&req(&mut a, 1, "source", "moveaxis")?)?;
    let dst = axis_list(&req(&mut a, 2, "destination", "moveaxis")?)?;
    if src.len() != dst.len() {
        return Err(exc::value_error(
            "`source` and `destination` arguments must have the same number of elements",
        ));
    }
    let src: Vec<usize> = src
        .into_iter()
        .map(|s| norm(s, n))
        .collect::<PyResult<_>>()?;
    let dst: Vec<usize> = dst
        .into_iter()
        .map(|d| norm(d, n))
        .collect::<PyResult<_>>()?;
    let mut order: Vec<usize> = (0..n).filter(|i| !src.contains(i)).collect();
    let mut pairs: Vec<(usize, usize)> = dst.into_iter().zip(src).collect();
    pairs.sort_unstable();
    for (d, s) in pairs {
        order.insert(d.min(order.len()), s);
    }
    transpose(vm, &x, order)
}

/// Add the four functions to `np` or `da`.
pub fn add(m: &Module) {
    m.func(
        "squeeze",
        "squeeze(a, axis=None)",
        "Remove axes of length one.",
        squeeze,
    );
    m.func(
        "expand_dims",
        "expand_dims(a, axis)",
        "Insert axes of length one at the given positions.",
        expand_dims,
    );
    m.func(
        "swapaxes",
        "swapaxes(a, axis1, axis2)",
        "Interchange two axes.",
        swapaxes,
    );
    m.func(
        "moveaxis",
        "moveaxis(a, source, destination)",
        "Move axes to new positions; the others keep their order.",
        moveaxis,
    );
}
