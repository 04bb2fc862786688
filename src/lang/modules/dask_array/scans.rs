//! Cumulative sums/products (`np.cumsum`, `da.cumprod`, `x.cumsum(axis)`)
//! and Dask's `topk`/`argtopk` (`da.topk(a, k)`, `x.topk(k)`): lazy under `da`
//! or for lazy arrays, eager otherwise.

use super::arrange::{eager_out, input, lazy_out, Input};
use super::methods::bound;
use super::objects::as_ndarray;
use super::{convert, req};
use crate::array;
use crate::chunk::{self, DType, ScanOp};
use crate::lang::builtins::to_int;
use crate::lang::eval::Args;
use crate::lang::exc::PyResult;
use crate::lang::value::{Module, Value};

fn scan_name(op: ScanOp) -> &'static str {
    match op {
        ScanOp::CumSum => "cumsum",
        ScanOp::CumProd => "cumprod",
    }
}

/// `cumsum`/`cumprod` of `x` with `axis` at position `i`, `dtype` after it.
fn scan(x: &Value, a: &mut Args, i: usize, op: ScanOp, lazy: bool) -> PyResult<Value> {
    let name = scan_name(op);
    let axis = match a.arg(i, "axis") {
        None | Some(Value::None) => None,
        Some(v) => Some(to_int(&v, "axis")? as isize),
    };
    let dtype: Option<DType> = match a.arg(i + 1, "dtype") {
        None | Some(Value::None) => None,
        Some(v) => Some(convert::dtype(&v)?),
    };
    let _ = a.take_kw("out");
    let _ = a.take_kw("method");
    a.check(name, i + 2)?;
    match input(x, lazy)? {
        Input::Lazy(arr) => lazy_out(array::scan::cumulative(&arr, op, axis, dtype)),
        Input::Eager(c) => {
            let c = match dtype {
                Some(d) => c.astype(d).map_err(convert::chunk_error)?,
                None => c,
            };
            let r = chunk::cumulative(&c, op, axis, None).map_err(convert::chunk_error)?;
            eager_out(match dtype {
                Some(d) => r.astype(d),
                None => Ok(r),
            })
        }
    }
}

/// `topk`/`argtopk` of `x` with `k` at position `i` and `axis` after it.
fn topk(x: &Value, a: &mut Args, i: usize, positions: bool) -> PyResult<Value> {
    let name = if positions { "argtopk" } else { "topk" };
    let k = to_int(&req(a, i, "k", name)?, "k")?;
    let axis = match a.arg(i + 1, "axis") {
        None | Some(Value::None) => -1,
        Some(v) => to_int(&v, "axis")? as isize,
    };
    let _ = a.arg(i + 2, "split_every");
    a.check(name, i + 3)?;
    match input(x, true)? {
        Input::Lazy(arr) => lazy_out(array::topk::topk(&arr, k, axis, positions)),
        Input::Eager(_) => unreachable!("input(.., true) is lazy"),
    }
}

/// Add `cumsum`/`cumprod` to `np` (`lazy` false) or `da` (`lazy` true), and
/// `topk`/`argtopk` to `da`.
pub fn add(m: &Module, lazy: bool) {
    for op in [ScanOp::CumSum, ScanOp::CumProd] {
        let name = scan_name(op);
        m.func(
            name,
            &format!("{name}(a, axis=None, dtype=None)"),
            "Running totals along an axis (over the flattened array when axis is None).",
            move |_vm, mut a| {
                let x = req(&mut a, 0, "a", name)?;
                scan(&x, &mut a, 1, op, lazy)
            },
        );
    }
    if !lazy {
        return;
    }
    for (name, positions) in [("topk", false), ("argtopk", true)] {
        m.func(
            name,
            &format!("{name}(a, k, axis=-1, split_every=None)"),
            if positions {
                "Positions of the k largest (k > 0, descending) or -k smallest (ascending) elements along an axis."
            } else {
                "The k largest (k > 0, descending) or -k smallest (ascending) elements along an axis."
            },
            move |_vm, mut a| {
                let x = req(&mut a, 0, "a", name)?;
                topk(&x, &mut a, 1, positions)
            },
        );
    }
}

/// `x.cumsum`, `x.cumprod`, and for lazy arrays `x.topk`, `x.argtopk`.
pub fn method(recv: Value, name: &str) -> Option<Value> {
    let lazy = as_ndarray(&recv).is_none();
    Some(match name {
        "cumsum" | "cumprod" => {
            let op = if name == "cumsum" {
                ScanOp::CumSum
            } else {
                ScanOp::CumProd
            };
            bound(
                name,
                &format!("{name}(axis=None, dtype=None)"),
                "Running totals along an axis (over the flattened array when axis is None).",
                move |_vm, mut a| scan(&recv, &mut a, 0, op, lazy),
            )
        }
        "topk" | "argtopk" if lazy => {
            let positions = name == "argtopk";
            bound(
                name,
                &format!("{name}(k, axis=-1, split_every=None)"),
                "The k largest (k > 0) or -k smallest (k < 0) elements along an axis.",
                move |_vm, mut a| topk(&recv, &mut a, 0, positions),
            )
        }
        _ => return None,
    })
}
