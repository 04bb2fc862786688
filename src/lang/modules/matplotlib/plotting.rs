//! The drawing calls shared by `plt.*` and `Axes.*`: argument parsing like
//! matplotlib's (format strings, `c=`/`color=`, `bins=`, `vmin=`), data from lists,
//! eager arrays or lazy arrays (computed), and the artist added to the axes.

use super::objects::Handle;
use super::state::{with_axes, FigState};
use crate::display::figure::colormap::{self, Colormap};
use crate::display::figure::{Artist, LineStyle};
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::modules::dask_array::{compute_arrays, objects::as_array, to_chunk};
use crate::lang::value::Value;
use crate::sched::Scheduler;
use std::sync::Arc;

/// Where a call draws: a figure and one of its axes.
pub type Target = (Arc<FigState>, usize);

/// Values and shape of array-like data (lazy arrays are computed first).
pub fn data(vm: &mut Vm, v: &Value) -> PyResult<(Vec<f64>, Vec<usize>)> {
    let v = match as_array(v) {
        Some(a) => compute_arrays(vm, &[a], Scheduler::default())?.remove(0),
        None => v.clone(),
    };
    let c = match &v {
        Value::Range(_) | Value::Iter(_) => {
            let items = vm.iterate(&v)?;
            to_chunk(&Value::list(items))?
        }
        other => to_chunk(other)?,
    };
    Ok((c.to_f64_vec(), c.shape().to_vec()))
}

fn flat(vm: &mut Vm, v: &Value) -> PyResult<Vec<f64>> {
    data(vm, v).map(|(d, _)| d)
}

fn str_kw(a: &mut Args, name: &str) -> Option<String> {
    match a.take_kw(name) {
        Some(Value::Str(s)) => Some(s.to_string()),
        _ => None,
    }
}

fn num_kw(a: &mut Args, name: &str) -> PyResult<Option<f64>> {
    match a.take_kw(name) {
        None | Some(Value::None) => Ok(None),
        Some(v) => crate::lang::builtins::to_f64(&v).map(Some),
    }
}

/// matplotlib's one-letter colours and names as CSS.
fn css(c: &str) -> String {
    match c {
        "b" => "#1f77b4",
        "g" => "#2ca02c",
        "r" => "#d62728",
        "c" => "#17becf",
        "m" => "#9467bd",
        "y" => "#bcbd22",
        "k" => "black",
        "w" => "white",
        other => other,
    }
    .to_string()
}

/// Split a format string like `'r--o'` into (colour, line style, markers).
fn parse_fmt(fmt: &str) -> (Option<String>, Option<LineStyle>, bool) {
    let mut rest = fmt.to_string();
    let mut style = None;
    for (pat, st) in [
        ("--", LineStyle::Dashed),
        ("-.", LineStyle::Dashed),
        (":", LineStyle::Dashed),
        ("-", LineStyle::Solid),
    ] {
        if rest.contains(pat) {
            style = Some(st);
            rest = rest.replacen(pat, "", 1);
            break;
        }
    }
    let markers = rest.chars().any(|ch| "o.xs^v+*d".contains(ch));
    let color = rest
        .chars()
        .find(|ch| "bgrcmykw".contains(*ch))
        .map(|ch| css(&ch.to_string()));
    (color, style, markers)
}

/// `plot(y)`, `plot(x, y)`, with an optional format string; returns `[Line2D]`.
pub fn plot(vm: &mut Vm, t: &Target, mut a: Args) -> PyResult<Value> {
    let label = str_kw(&mut a, "label");
    let color = str_kw(&mut a, "color")
        .or_else(|| str_kw(&mut a, "c"))
        .map(|c| css(&c));
    let ls = str_kw(&mut a, "linestyle").or_else(|| str_kw(&mut a, "ls"));
    let marker = str_kw(&mut a, "marker");
    let fmt = match a.pos.last() {
        Some(Value::Str(s)) => Some(s.to_string()),
        _ => None,
    };
    let nums: Vec<Value> = a
        .pos
        .iter()
        .filter(|v| !matches!(v, Value::Str(_)))
        .cloned()
        .collect();
    let (xs, ys) = match nums.as_slice() {
        [y] => {
            let ys = flat(vm, y)?;
            ((0..ys.len()).map(|i| i as f64).collect(), ys)
        }
        [x, y] => (flat(vm, x)?, flat(vm, y)?),
        _ => {
            return Err(exc::type_error(
                "plot() takes y, or x and y, plus an optional format string",
            ))
        }
    };
    if xs.len() != ys.len() {
        return Err(exc::value_error(format!(
            "x and y must have same first dimension, but have shapes ({},) and ({},)",
            xs.len(),
            ys.len()
        )));
    }
    let (fcolor, fstyle, fmarkers) = fmt.as_deref().map(parse_fmt).unwrap_or((None, None, false));
    let markers = fmarkers
        || marker
            .as_deref()
            .is_some_and(|m| !m.is_empty() && m != "None");
    let style = match ls.as_deref() {
        Some("--") | Some("dashed") | Some(":") | Some("-.") => LineStyle::Dashed,
        Some("") | Some("None") | Some("none") => LineStyle::None,
        Some(_) => LineStyle::Solid,
        None => fstyle.unwrap_or(if fmarkers && fmt.is_some() {
            LineStyle::None
        } else {
            LineStyle::Solid
        }),
    };
    with_axes(&t.0, t.1, |ax| {
        let color = color.or(fcolor).unwrap_or_else(|| ax.next_color());
        ax.artists.push(Artist::Line {
            xs,
            ys,
            color,
            label,
            style,
            markers,
        });
    });
    Ok(Value::list(vec![Handle::value(
        "<matplotlib.lines.Line2D object>",
        t,
    )]))
}

/// `scatter(x, y, s=36, c=None, label=None)`.
pub fn scatter(vm: &mut Vm, t: &Target, mut a: Args) -> PyResult<Value> {
    let x = a
        .arg(0, "x")
        .ok_or_else(|| exc::type_error("scatter() missing required argument: 'x'"))?;
    let y = a
        .arg(1, "y")
        .ok_or_else(|| exc::type_error("scatter() missing required argument: 'y'"))?;
    let size = match a.take_kw("s").or_else(|| a.pos.get(2).cloned()) {
        Some(Value::Int(n)) => n as f64,
        Some(Value::Float(f)) => f,
        _ => 36.0,
    };
    let color = str_kw(&mut a, "c")
        .or_else(|| str_kw(&mut a, "color"))
        .map(|c| css(&c));
    let label = str_kw(&mut a, "label");
    let (xs, ys) = (flat(vm, &x)?, flat(vm, &y)?);
    if xs.len() != ys.len() {
        return Err(exc::value_error("x and y must be the same size"));
    }
    with_axes(&t.0, t.1, |ax| {
        let color = color.unwrap_or_else(|| ax.next_color());
        ax.artists.push(Artist::Scatter {
            xs,
            ys,
            color,
            label,
            size,
        });
    });
    Ok(Handle::value(
        "<matplotlib.collections.PathCollection object>",
        t,
    ))
}

/// `hist(x, bins=10, range=None)`; returns `(counts, edges, patches)` like matplotlib.
pub fn hist(vm: &mut Vm, t: &Target, mut a: Args) -> PyResult<Value> {
    let x = a
        .arg(0, "x")
        .ok_or_else(|| exc::type_error("hist() missing required argument: 'x'"))?;
    let bins = match a.take_kw("bins").or_else(|| a.pos.get(1).cloned()) {
        None | Some(Value::None) => 10,
        Some(Value::Int(n)) if n >= 1 => n as usize,
        Some(_) => return Err(exc::value_error("bins must be a positive integer")),
    };
    let range = match a.take_kw("range") {
        Some(r @ (Value::Tuple(_) | Value::List(_))) => {
            let v = flat(vm, &r)?;
            (v.len() == 2).then(|| (v[0], v[1]))
        }
        _ => None,
    };
    let color = str_kw(&mut a, "color").map(|c| css(&c));
    let label = str_kw(&mut a, "label");
    let vals: Vec<f64> = flat(vm, &x)?
        .into_iter()
        .filter(|v| v.is_finite())
        .collect();
    let (lo, hi) = range.unwrap_or_else(|| {
        let lo = vals.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = vals.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        if lo.is_finite() {
            (lo, hi)
        } else {
            (0.0, 1.0)
        }
    });
    let (lo, hi) = if hi > lo {
        (lo, hi)
    } else {
        (lo - 0.5, hi + 0.5)
    };
    let width = (hi - lo) / bins as f64;
    let edges: Vec<f64> = (0..=bins).map(|i| lo + width * i as f64).collect();
    let mut counts = vec![0.0; bins];
    for v in vals {
        if v < lo || v > hi {
            continue;
        }
        let i = (((v - lo) / width) as usize).min(bins - 1);
        counts[i] += 1.0;
    }
    with_axes(&t.0, t.1, |ax| {
        let color = color.unwrap_or_else(|| ax.next_color());
        ax.artists.push(Artist::Bars {
            edges: edges.clone(),
            counts: counts.clone(),
            color,
            label,
        });
    });
    let np = |v: &[f64]| {
        crate::lang::modules::dask_array::objects::NdArrayObj::value(
            crate::chunk::Chunk::from_vec(v.to_vec(), &[v.len()]).expect("1-d"),
        )
    };
    Ok(Value::tuple(vec![
        np(&counts),
        np(&edges),
        Handle::value(&format!("<BarContainer object of {bins} artists>"), t),
    ]))
}

/// `imshow(X, cmap='viridis', vmin=None, vmax=None)`.
pub fn imshow(vm: &mut Vm, t: &Target, mut a: Args) -> PyResult<Value> {
    let x = a
        .arg(0, "X")
        .ok_or_else(|| exc::type_error("imshow() missing required argument: 'X'"))?;
    let cmap = match a.take_kw("cmap") {
        None | Some(Value::None) => "viridis".to_string(),
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => {
            return Err(exc::type_error(format!(
                "cmap must be a colormap name, not {}",
                other.type_name()
            )))
        }
    };
    if Colormap::named(&cmap).is_none() {
        return Err(exc::value_error(format!(
            "{cmap:?} is not a valid value for cmap; supported values are {}",
            colormap::names()
                .iter()
                .map(|n| format!("'{n}', '{n}_r'"))
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    let vmin = num_kw(&mut a, "vmin")?;
    let vmax = num_kw(&mut a, "vmax")?;
    for ignored in [
        "interpolation",
        "aspect",
        "origin",
        "extent",
        "alpha",
        "norm",
    ] {
        let _ = a.take_kw(ignored);
    }
    let (data, shape) = data(vm, &x)?;
    if shape.len() != 2 {
        let dims: Vec<String> = shape.iter().map(|n| n.to_string()).collect();
        let comma = if shape.len() == 1 { "," } else { "" };
        return Err(exc::type_error(format!(
            "Invalid shape ({}{comma}) for image data",
            dims.join(", ")
        )));
    }
    let finite = data.iter().copied().filter(|v| v.is_finite());
    let lo = vmin.unwrap_or_else(|| finite.clone().fold(f64::INFINITY, f64::min));
    let hi = vmax.unwrap_or_else(|| finite.fold(f64::NEG_INFINITY, f64::max));
    let (lo, hi) = if lo.is_finite() && hi.is_finite() {
        (lo, hi)
    } else {
        (0.0, 1.0)
    };
    with_axes(&t.0, t.1, |ax| {
        ax.artists.push(Artist::Image {
            rows: shape[0],
            cols: shape[1],
            data,
            cmap,
            vmin: lo,
            vmax: hi,
        });
    });
    Ok(Handle::value("<matplotlib.image.AxesImage object>", t))
}

/// `colorbar()` for the axes' last image.
pub fn colorbar(t: &Target) -> PyResult<Value> {
    let has_image = with_axes(&t.0, t.1, |ax| {
        let has = ax.artists.iter().any(|a| matches!(a, Artist::Image { .. }));
        ax.colorbar |= has;
        has
    });
    if !has_image {
        return Err(exc::new(
            "RuntimeError",
            "No mappable was found to use for colorbar creation. First define a mappable such as an image (with imshow) or a contour set (with contourf).",
        ));
    }
    Ok(Handle::value("<matplotlib.colorbar.Colorbar object>", t))
}

/// `title`/`xlabel`/`ylabel` (and their `set_` forms).
pub fn set_text(t: &Target, which: &str, mut a: Args) -> PyResult<Value> {
    let text = match a.arg(0, "label") {
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => crate::lang::repr::str_simple(&other),
        None => {
            return Err(exc::type_error(format!(
                "{which}() missing required argument: 'label'"
            )))
        }
    };
    let shown = text.clone();
    with_axes(&t.0, t.1, |ax| match which {
        "title" => ax.title = text,
        "xlabel" => ax.xlabel = text,
        _ => ax.ylabel = text,
    });
    // matplotlib's positions for each kind of label, and Python's str repr.
    let at = match which {
        "title" => "0.5, 1.0",
        "xlabel" => "0.5, 0",
        _ => "0, 0.5",
    };
    let shown = crate::lang::repr::str_repr(&shown);
    Ok(Handle::value(&format!("Text({at}, {shown})"), t))
}

/// `xlim(lo, hi)` / `ylim((lo, hi))`.
pub fn set_lim(vm: &mut Vm, t: &Target, x_axis: bool, a: Args) -> PyResult<Value> {
    let vals = match a.pos.as_slice() {
        [one] => flat(vm, one)?,
        [lo, hi] => vec![
            crate::lang::builtins::to_f64(lo)?,
            crate::lang::builtins::to_f64(hi)?,
        ],
        _ => return Err(exc::type_error("xlim()/ylim() take (left, right)")),
    };
    if vals.len() != 2 {
        return Err(exc::value_error("limits need two values"));
    }
    let lim = Some((vals[0], vals[1]));
    with_axes(&t.0, t.1, |ax| {
        if x_axis {
            ax.xlim = lim
        } else {
            ax.ylim = lim
        }
    });
    Ok(Value::tuple(vec![
        Value::Float(vals[0]),
        Value::Float(vals[1]),
    ]))
}

/// `legend()`, `axis('off')`.
pub fn flag(t: &Target, what: &str, a: &Args) -> PyResult<Value> {
    match what {
        "legend" => {
            with_axes(&t.0, t.1, |ax| ax.legend = true);
            Ok(Handle::value("<matplotlib.legend.Legend object>", t))
        }
        _ => {
            let off = matches!(a.pos.first(), Some(Value::Str(s)) if &**s == "off")
                || matches!(a.pos.first(), Some(Value::Bool(false)));
            with_axes(&t.0, t.1, |ax| ax.axis_off = off);
            Ok(Value::None)
        }
    }
}
