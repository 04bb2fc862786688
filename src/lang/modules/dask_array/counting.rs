//! `isin`, `unique` and `bincount` for `np` and `da`: lazy under `da` or when
//! given a lazy array (Dask's one-block results of unknown length for
//! `unique` and `bincount`), eager otherwise.

use super::arrange::{eager_out, input, lazy_out, Input};
use super::objects::{ArrayObj, NdArrayObj};
use super::{convert, req};
use crate::array;
use crate::chunk;
use crate::lang::eval::Args;
use crate::lang::exc::{self, PyResult};
use crate::lang::value::{Module, Value};

fn truthy(v: Option<Value>) -> bool {
    matches!(v, Some(Value::Bool(true))) || matches!(v, Some(Value::Int(i)) if i != 0)
}

fn isin(a: &mut Args, lazy: bool) -> PyResult<Value> {
    let e = req(a, 0, "element", "isin")?;
    let t = req(a, 1, "test_elements", "isin")?;
    let _unique = a.arg(2, "assume_unique");
    let invert = truthy(a.arg(3, "invert"));
    a.check("isin", 4)?;
    let lazy =
        lazy || super::objects::as_array(&e).is_some() || super::objects::as_array(&t).is_some();
    match (input(&e, lazy)?, input(&t, lazy)?) {
        (Input::Lazy(x), Input::Lazy(y)) => lazy_out(array::setops::isin(&x, &y, invert)),
        (Input::Eager(x), Input::Eager(y)) => eager_out(chunk::setops::isin(&x, &y, invert)),
        _ => unreachable!("both inputs follow `lazy`"),
    }
}

fn unique(a: &mut Args, lazy: bool) -> PyResult<Value> {
    let x = req(a, 0, "ar", "unique")?;
    for (i, name) in [(1, "return_index"), (2, "return_inverse")] {
        if truthy(a.arg(i, name)) {
            return Err(exc::new(
                "NotImplementedError",
                format!("unique({name}=True) is not supported by Tessera yet"),
            ));
        }
    }
    let counts = truthy(a.arg(3, "return_counts"));
    a.check("unique", 4)?;
    match input(&x, lazy)? {
        Input::Lazy(arr) => {
            let (v, c) = array::setops::unique(&arr, counts).map_err(convert::array_error)?;
            Ok(match c {
                Some(c) => Value::tuple(vec![ArrayObj::value(v), ArrayObj::value(c)]),
                None => ArrayObj::value(v),
            })
        }
        Input::Eager(c) => {
            let (v, n) = chunk::setops::unique_counts(&c, None).map_err(convert::chunk_error)?;
            Ok(if counts {
                Value::tuple(vec![NdArrayObj::value(v), NdArrayObj::value(n)])
            } else {
                NdArrayObj::value(v)
            })
        }
    }
}

/// `bincount` takes integer (and bool) input only, as NumPy 2 does: floats are
/// refused with NumPy's message rather than truncated.
fn safe_to_int64(d: chunk::DType) -> PyResult<()> {
    use chunk::DType::*;
    match d {
        Bool | Int8 | Int16 | Int32 | Int64 | UInt8 | UInt16 | UInt32 | UInt64 => Ok(()),
        other => Err(exc::type_error(format!(
            "Cannot cast array data from dtype('{}') to dtype('int64') according to the rule 'safe'",
            other.name()
        ))),
    }
}

fn bincount(a: &mut Args, lazy: bool) -> PyResult<Value> {
    let x = req(a, 0, "x", "bincount")?;
    let w = match a.arg(1, "weights") {
        None | Some(Value::None) => None,
        Some(v) => Some(v),
    };
    let minlength = match a.arg(2, "minlength") {
        None | Some(Value::None) => 0,
        Some(v) => crate::lang::builtins::to_int(&v, "minlength")?,
    };
    a.check("bincount", 3)?;
    if minlength < 0 {
        return Err(exc::value_error("'minlength' must not be negative"));
    }
    let lazy = lazy
        || super::objects::as_array(&x).is_some()
        || w.as_ref()
            .is_some_and(|v| super::objects::as_array(v).is_some());
    let xi = input(&x, lazy)?;
    safe_to_int64(match &xi {
        Input::Lazy(x) => x.meta().dtype,
        Input::Eager(c) => c.dtype(),
    })?;
    let wi = w.as_ref().map(|v| input(v, lazy)).transpose()?;
    match (xi, wi) {
        (Input::Lazy(x), w) => {
            let w = match w {
                Some(Input::Lazy(w)) => Some(w),
                None => None,
                Some(Input::Eager(_)) => unreachable!("weights follow `lazy`"),
            };
            lazy_out(array::setops::bincount(&x, w.as_ref(), minlength as usize))
        }
        (Input::Eager(x), w) => {
            let w = match w {
                Some(Input::Eager(w)) => Some(w),
                None => None,
                Some(Input::Lazy(_)) => unreachable!("weights follow `lazy`"),
            };
            eager_out(chunk::setops::bincount(&x, w.as_ref(), minlength as usize))
        }
    }
}

/// Add the functions to `np` (`lazy` false) or `da` (`lazy` true).
pub fn add(m: &Module, lazy: bool) {
    m.func(
        "isin",
        "isin(element, test_elements, assume_unique=False, invert=False)",
        "Whether each element occurs in test_elements (a bool array shaped like element).",
        move |_vm, mut a| isin(&mut a, lazy),
    );
    m.func(
        "unique",
        "unique(ar, return_index=False, return_inverse=False, return_counts=False)",
        "The sorted distinct values (and how often each occurs).",
        move |_vm, mut a| unique(&mut a, lazy),
    );
    m.func(
        "bincount",
        "bincount(x, weights=None, minlength=0)",
        "How often each non-negative integer occurs (or the sum of weights per value).",
        move |_vm, mut a| bincount(&mut a, lazy),
    );
}
