//! `x.rechunk(chunks)` and `da.rechunk(x, chunks)` with Dask's request
//! forms: `'auto'` (grow the current blocks towards 128 MiB), an int, a
//! tuple (`None` keeps an axis), or a dict naming some axes (the rest keep
//! their blocks). The sizes come from `array::rechunk_auto`.

use super::convert::{self, axis_spec};
use super::objects::{as_array, not_array, ArrayObj};
use super::req;
use crate::array::rechunk_auto::{rechunk_chunks, RechunkAxis};
use crate::array::{self, Array, AxisSpec};
use crate::lang::builtins::to_int;
use crate::lang::exc::{self, PyResult};
use crate::lang::value::{Module, Value};

fn axis_request(v: &Value) -> PyResult<RechunkAxis> {
    Ok(match v {
        Value::None => RechunkAxis::Keep,
        other => RechunkAxis::Spec(axis_spec(other)?),
    })
}

/// The per-axis request of a `chunks` argument for an `ndim`-axis array.
fn request(v: Option<&Value>, ndim: usize) -> PyResult<Vec<RechunkAxis>> {
    let all = |a: AxisSpec| Ok(vec![RechunkAxis::Spec(a); ndim]);
    match v {
        None => all(AxisSpec::Auto),
        Some(Value::Str(s)) if &**s == "auto" => all(AxisSpec::Auto),
        Some(Value::Int(-1)) => all(AxisSpec::Full),
        Some(Value::Int(n)) if *n > 0 => all(AxisSpec::Size(*n as usize)),
        Some(Value::Int(n)) => Err(exc::value_error(format!(
            "chunks must be positive, got {n}"
        ))),
        Some(Value::None) => Ok(vec![RechunkAxis::Keep; ndim]),
        Some(Value::Dict(d)) => {
            let mut per = vec![RechunkAxis::Keep; ndim];
            for (_, (k, val)) in d.read().iter() {
                let ax = to_int(k, "")?;
                let n = ndim as i64;
                if ax < -n || ax >= n {
                    return Err(exc::new(
                        "IndexError",
                        format!("axis {ax} is out of bounds for array of dimension {ndim}"),
                    ));
                }
                per[if ax < 0 { ax + n } else { ax } as usize] = axis_request(val)?;
            }
            Ok(per)
        }
        Some(v @ (Value::Tuple(_) | Value::List(_))) => {
            let items: Vec<Value> = match v {
                Value::Tuple(t) => t.to_vec(),
                Value::List(l) => l.read().clone(),
                _ => unreachable!("matched above"),
            };
            // Dask zips the tuple with the current chunks: extra entries
            // are dropped (so `(4, 6)` on a 1-D array means blocks of 4).
            let items = &items[..items.len().min(ndim)];
            if items.len() != ndim {
                return Err(exc::value_error(format!(
                    "Chunks and shape must be of the same length/dimension. Got chunks={}, shape has {ndim} dimensions",
                    crate::lang::repr::repr_simple(v)
                )));
            }
            items.iter().map(axis_request).collect()
        }
        Some(other) => Err(exc::value_error(format!(
            "invalid chunks: {}",
            crate::lang::repr::repr_simple(other)
        ))),
    }
}

/// `x.rechunk(chunks)` for a lazy array.
pub fn rechunk(x: &Array, chunks: Option<&Value>) -> PyResult<Value> {
    let m = x.meta();
    let req = request(chunks, m.ndim())?;
    let c = rechunk_chunks(&req, &m.chunks, &m.shape, m.dtype.itemsize())
        .map_err(convert::array_error)?;
    array::manipulation::rechunk(x, c)
        .map(ArrayObj::value)
        .map_err(convert::array_error)
}

/// Add `da.rechunk`.
pub fn add(m: &Module) {
    m.func(
        "rechunk",
        "rechunk(x, chunks='auto')",
        "New block sizes for the same data (dict and tuple forms keep unnamed/None axes).",
        |_vm, mut a| {
            let x = req(&mut a, 0, "x", "rechunk")?;
            let arr = as_array(&x).ok_or_else(|| not_array("rechunk", &x))?;
            let chunks = a.arg(1, "chunks");
            let _ = a.take_kw("threshold");
            let _ = a.take_kw("block_size_limit");
            let _ = a.take_kw("method");
            a.check("rechunk", 2)?;
            rechunk(&arr, chunks.as_ref())
        },
    );
}
