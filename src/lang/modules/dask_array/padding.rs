//! `np.pad` / `da.pad` in every named mode: argument checks with NumPy's
//! messages (`pad_width`, `constant_values`, `end_values` and `stat_length`
//! in all of NumPy's forms; keywords the mode does not take; empty axes),
//! then eager kernels from `chunk::pad`/`chunk::pad_fill` or lazy plans from
//! `array::pad`/`array::pad_modes`.

use super::arrange::{eager_out, input, lazy_out, Input};
use super::convert;
use super::req;
use crate::array::{self, pad_modes};
use crate::chunk::pad::{edge, reuse, Reuse};
use crate::chunk::pad_fill::{stats, zero_length_error, Stat};
use crate::chunk::{self, Chunk, Scalar};
use crate::lang::eval::Args;
use crate::lang::exc::{self, PyResult};
use crate::lang::value::Value;

/// NumPy's broadcasting of `pad_width`-like arguments to one (before, after)
/// pair per axis: `n`, `(n,)`, `(b, a)`, `((b, a),)` or one pair per axis.
fn pairs<T: Clone>(
    v: &Value,
    ndim: usize,
    one: &dyn Fn(&Value) -> PyResult<T>,
    what: &str,
) -> PyResult<Vec<(T, T)>> {
    let items = |v: &Value| -> Option<Vec<Value>> {
        match v {
            Value::Tuple(t) => Some(t.to_vec()),
            Value::List(l) => Some(l.read().clone()),
            _ => None,
        }
    };
    let bad = |got: String| {
        exc::value_error(format!(
            "operands could not be broadcast together with remapped shapes [original->remapped]: {got}  and requested shape ({ndim},2)"
        ))
    };
    let Some(outer) = items(v) else {
        let x = one(v)?;
        return Ok(vec![(x.clone(), x); ndim]);
    };
    if outer.iter().all(|o| items(o).is_none()) {
        return match outer.len() {
            1 => {
                let x = one(&outer[0])?;
                Ok(vec![(x.clone(), x); ndim])
            }
            2 => {
                let (b, a) = (one(&outer[0])?, one(&outer[1])?);
                Ok(vec![(b, a); ndim])
            }
            n => Err(bad(format!("({n},)"))),
        };
    }
    let rows: Vec<Vec<Value>> = outer
        .iter()
        .map(|o| {
            items(o).ok_or_else(|| exc::type_error(format!("{what} must be a sequence of pairs")))
        })
        .collect::<PyResult<_>>()?;
    let width = rows[0].len();
    if rows.iter().any(|r| r.len() != width) || !(width == 1 || width == 2) {
        return Err(exc::value_error(
            "setting an array element with a sequence. The requested array has an inhomogeneous shape",
        ));
    }
    let rows = if rows.len() == 1 {
        vec![rows[0].clone(); ndim]
    } else if rows.len() == ndim {
        rows
    } else {
        return Err(bad(format!("({},{width})", rows.len())));
    };
    rows.iter()
        .map(|r| Ok((one(&r[0])?, one(&r[width - 1])?)))
        .collect()
}

/// The keywords each mode takes (NumPy's `allowed_kwargs`).
fn allowed(mode: &str) -> Option<&'static [&'static str]> {
    Some(match mode {
        "empty" | "edge" | "wrap" => &[],
        "constant" => &["constant_values"],
        "linear_ramp" => &["end_values"],
        "maximum" | "mean" | "median" | "minimum" => &["stat_length"],
        "reflect" | "symmetric" => &["reflect_type"],
        _ => return None,
    })
}

fn index_of(v: &Value, what: &str) -> PyResult<usize> {
    match v {
        Value::Int(i) if *i < 0 => Err(exc::value_error("index can't contain negative values")),
        Value::Int(i) => Ok(*i as usize),
        Value::Bool(b) => Ok(*b as usize),
        _ => Err(exc::type_error(format!(
            "`{what}` must be of integral type."
        ))),
    }
}

fn number(v: &Value, what: &str) -> PyResult<f64> {
    match convert::scalar(v) {
        Some(chunk::PyScalar::Bool(b)) => Ok(b as u8 as f64),
        Some(chunk::PyScalar::Int(i)) => Ok(i as f64),
        Some(chunk::PyScalar::Float(f)) => Ok(f),
        None => Err(exc::type_error(format!(
            "{what} must be numbers, not {}",
            v.type_name()
        ))),
    }
}

/// `pad(array, pad_width, mode='constant', **kwargs)` for `np` (`lazy` false) and `da`.
pub(super) fn pad(a: &mut Args, lazy: bool) -> PyResult<Value> {
    let x = req(a, 0, "array", "pad")?;
    let width = req(a, 1, "pad_width", "pad")?;
    let mode = match a.arg(2, "mode") {
        None => "constant".to_string(),
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => {
            return Err(exc::new(
                "NotImplementedError",
                format!(
                    "pad with mode of type {} is not supported by Tessera yet; name a mode",
                    other.type_name()
                ),
            ))
        }
    };
    let Some(ok) = allowed(&mode) else {
        return Err(exc::value_error(format!("mode '{mode}' is not supported")));
    };
    let mut bad: Vec<String> =
        a.kw.iter()
            .map(|(k, _)| k.to_string())
            .filter(|k| !ok.contains(&k.as_str()))
            .collect();
    if !bad.is_empty() {
        bad.sort();
        let set: Vec<String> = bad.iter().map(|k| format!("'{k}'")).collect();
        return Err(exc::value_error(format!(
            "unsupported keyword arguments for mode '{mode}': {{{}}}",
            set.join(", ")
        )));
    }
    let (constant, ends, lengths, reflect) = (
        a.take_kw("constant_values"),
        a.take_kw("end_values"),
        a.take_kw("stat_length"),
        a.take_kw("reflect_type"),
    );
    a.check("pad", 3)?;
    let inp = input(&x, lazy)?;
    let (shape, dtype) = match &inp {
        Input::Lazy(arr) => (arr.meta().shape.clone(), arr.meta().dtype),
        Input::Eager(c) => (c.shape().to_vec(), c.dtype()),
    };
    let ndim = shape.len();
    let widths = pairs(&width, ndim, &|v| index_of(v, "pad_width"), "pad_width")?;
    let zeros = || vec![(Scalar::I64(0).astype(dtype), Scalar::I64(0).astype(dtype)); ndim];
    let constant_pad = |vals: Vec<(Scalar, Scalar)>| match &inp {
        Input::Lazy(arr) => lazy_out(array::pad::pad_constant(arr, &widths, &vals)),
        Input::Eager(c) => eager_out(chunk::arrange::pad_constant(c, &widths, &vals)),
    };
    match mode.as_str() {
        "constant" => {
            let scalar = |v: &Value| -> PyResult<Scalar> {
                Ok(match convert::scalar(v) {
                    Some(chunk::PyScalar::Bool(b)) => Scalar::Bool(b),
                    Some(chunk::PyScalar::Int(i)) => Scalar::I64(i),
                    Some(chunk::PyScalar::Float(f)) => Scalar::F64(f),
                    None => {
                        return Err(exc::type_error(format!(
                            "constant_values must be numbers, not {}",
                            v.type_name()
                        )))
                    }
                }
                .astype(dtype))
            };
            let vals = match constant {
                None => zeros(),
                Some(v) => pairs(&v, ndim, &scalar, "constant_values")?,
            };
            return constant_pad(vals);
        }
        "empty" => {
            return match &inp {
                Input::Lazy(arr) => lazy_out(pad_modes::pad_empty(arr, &widths)),
                Input::Eager(_) => constant_pad(zeros()),
            }
        }
        _ => {}
    }
    if shape.contains(&0) {
        if let Some(ax) = (0..ndim).find(|&d| shape[d] == 0 && widths[d] != (0, 0)) {
            return Err(exc::value_error(format!(
                "can't extend empty axis {ax} using modes other than 'constant' or 'empty'"
            )));
        }
        return constant_pad(zeros());
    }
    match mode.as_str() {
        "edge" => run(&inp, |c| edge(c, &widths), |arr| edge(arr, &widths)),
        "reflect" | "symmetric" | "wrap" => {
            let how = match mode.as_str() {
                "reflect" => Reuse::Reflect,
                "symmetric" => Reuse::Symmetric,
                _ => Reuse::Wrap,
            };
            let odd = matches!(&reflect, Some(Value::Str(s)) if &**s == "odd");
            run(
                &inp,
                |c| reuse(c, &widths, how, odd),
                |arr| reuse(arr, &widths, how, odd),
            )
        }
        "linear_ramp" => {
            let weak = ends.as_ref().is_some_and(weak_pairs);
            let ends = match ends {
                None => vec![(0.0, 0.0); ndim],
                Some(v) => pairs(&v, ndim, &|v| number(v, "end_values"), "end_values")?,
            };
            run(
                &inp,
                |c| ramps(c, &widths, &ends, weak),
                |arr| pad_modes::pad_ramp(arr, &widths, &ends),
            )
        }
        _ => {
            let stat = match mode.as_str() {
                "maximum" => Stat::Max,
                "minimum" => Stat::Min,
                "mean" => Stat::Mean,
                _ => Stat::Median,
            };
            let lengths: Vec<(Option<usize>, Option<usize>)> = match lengths {
                None | Some(Value::None) => vec![(None, None); ndim],
                Some(v) => pairs(
                    &v,
                    ndim,
                    &|v| index_of(v, "stat_length").map(Some),
                    "stat_length",
                )?,
            };
            if matches!(stat, Stat::Max | Stat::Min)
                && lengths.iter().any(|&(b, a)| b == Some(0) || a == Some(0))
            {
                return Err(convert::chunk_error(zero_length_error()));
            }
            let full: Vec<(usize, usize)> = lengths
                .iter()
                .zip(&shape)
                .map(|(&(b, a), &n)| (b.unwrap_or(n), a.unwrap_or(n)))
                .collect();
            run(
                &inp,
                |c| stats(c, &widths, &lengths, stat),
                |arr| pad_modes::pad_stats(arr, &widths, &full, stat),
            )
        }
    }
}

/// Whether NumPy's `_as_pairs` hands `v`'s numbers on as Python scalars
/// (`.tolist()` of a broadcast array: more than two numbers, or two in a
/// column) rather than as NumPy scalars, which promote float32 to float64.
fn weak_pairs(v: &Value) -> bool {
    fn items(v: &Value) -> Option<Vec<Value>> {
        match v {
            Value::Tuple(t) => Some(t.to_vec()),
            Value::List(l) => Some(l.read().clone()),
            _ => None,
        }
    }
    fn count(v: &Value) -> usize {
        items(v).map_or(1, |i| i.iter().map(count).sum())
    }
    let column = items(v).is_some_and(|rows| {
        rows.len() == 2 && rows.iter().all(|r| items(r).is_some_and(|c| c.len() == 1))
    });
    count(v) > 2 || column
}

/// NumPy's linear ramps, one axis after another.
fn ramps(
    c: &Chunk,
    widths: &[(usize, usize)],
    ends: &[(f64, f64)],
    weak: bool,
) -> chunk::Result<Chunk> {
    use chunk::pad::PadOps;
    use chunk::pad_fill::{ramp, RampStyle};
    let mut cur = c.clone();
    for (ax, (&(b, a), &(eb, ea))) in widths.iter().zip(ends).enumerate() {
        let n = cur.shape()[ax];
        let mut parts = Vec::with_capacity(3);
        if b > 0 {
            parts.push(ramp(
                &cur.range(ax, 0, 1, false)?,
                eb,
                b,
                ax,
                true,
                RampStyle::NumPy,
                weak,
            )?);
        }
        parts.push(cur.clone());
        if a > 0 {
            parts.push(ramp(
                &cur.range(ax, n - 1, n, false)?,
                ea,
                a,
                ax,
                false,
                RampStyle::NumPy,
                weak,
            )?);
        }
        if parts.len() > 1 {
            cur = Chunk::join(&parts, ax)?;
        }
    }
    Ok(cur)
}

/// The eager or the lazy version of one mode.
fn run(
    inp: &Input,
    eager: impl Fn(&Chunk) -> chunk::Result<Chunk>,
    lazy: impl Fn(&array::Array) -> Result<array::Array, array::ArrayError>,
) -> PyResult<Value> {
    match inp {
        Input::Lazy(arr) => lazy_out(lazy(arr)),
        Input::Eager(c) => eager_out(eager(c)),
    }
}
