//! `matplotlib` / `matplotlib.pyplot` for the dialect: figures drawn by
//! `display::figure` and shown like the inline backend does (at `show()`, or
//! when the cell ends, as image/svg+xml display_data).

mod objects;
mod plotting;
pub mod state;

use super::new_module;
use crate::display::figure::Figure;
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::value::Value;
use objects::{draw, AxesGrid, AxesObj, FigureObj, Handle};
use plotting::Target;
use state::FigState;
use std::sync::Arc;

pub use state::flush;

fn current() -> Target {
    let f = state::gcf();
    let i = *f.current_ax.lock();
    (f, i)
}

/// The axes an artist handle or Axes value belongs to.
fn target_of(v: &Value) -> Option<Target> {
    match v {
        Value::Object(o) => o
            .as_any()
            .downcast_ref::<Handle>()
            .map(|h| h.target.clone())
            .or_else(|| o.as_any().downcast_ref::<AxesObj>().map(|a| a.0.clone())),
        _ => None,
    }
}

fn figsize(a: &mut Args) -> PyResult<(f64, f64)> {
    match a.take_kw("figsize") {
        None | Some(Value::None) => Ok((6.4, 4.8)),
        Some(v @ (Value::Tuple(_) | Value::List(_))) => {
            let items = match &v {
                Value::Tuple(t) => t.to_vec(),
                Value::List(l) => l.read().clone(),
                _ => unreachable!(),
            };
            match items.as_slice() {
                [w, h] => Ok((
                    crate::lang::builtins::to_f64(w)?,
                    crate::lang::builtins::to_f64(h)?,
                )),
                _ => Err(exc::value_error(
                    "figsize must be (width, height) in inches",
                )),
            }
        }
        Some(_) => Err(exc::value_error(
            "figsize must be (width, height) in inches",
        )),
    }
}

fn count(v: Option<Value>, name: &str) -> PyResult<usize> {
    match v {
        None | Some(Value::None) => Ok(1),
        Some(Value::Int(n)) if n >= 1 => Ok(n as usize),
        Some(_) => Err(exc::value_error(format!(
            "{name} must be a positive integer"
        ))),
    }
}

fn savefig(f: &Arc<FigState>, mut a: Args) -> PyResult<Value> {
    let name = match a.arg(0, "fname") {
        Some(Value::Str(s)) => s.to_string(),
        _ => return Err(exc::type_error("savefig() needs a file name")),
    };
    let fmt = match a.take_kw("format") {
        Some(Value::Str(s)) => s.to_string(),
        _ => name
            .rsplit_once('.')
            .map(|(_, e)| e.to_lowercase())
            .unwrap_or_else(|| "svg".into()),
    };
    if fmt != "svg" {
        return Err(exc::value_error(format!(
            "Format '{fmt}' is not supported (supported formats: svg): Tessera draws figures as SVG"
        )));
    }
    let path = if name.contains('.') {
        name
    } else {
        format!("{name}.svg")
    };
    std::fs::write(&path, f.fig.lock().svg())
        .map_err(|e| exc::new("OSError", format!("{path}: {e}")))?;
    Ok(Value::None)
}

/// Build `matplotlib.pyplot`.
pub fn pyplot() -> Value {
    let m = new_module(
        "matplotlib.pyplot",
        "Plotting (Tessera's pyplot: figures render as SVG).",
    );
    m.func(
        "figure",
        "figure(figsize=(6.4, 4.8))",
        "Start a new figure.",
        |_vm, mut a| {
            let (w, h) = figsize(&mut a)?;
            for ignored in [
                "dpi",
                "num",
                "facecolor",
                "clear",
                "layout",
                "constrained_layout",
            ] {
                let _ = a.take_kw(ignored);
            }
            Ok(Value::object(FigureObj(state::new_figure(Figure::new(
                w, h,
            )))))
        },
    );
    m.func(
        "subplots",
        "subplots(nrows=1, ncols=1, figsize=None)",
        "A figure and a grid of axes.",
        |_vm, mut a| {
            let rows = count(
                a.take_kw("nrows").or_else(|| a.pos.first().cloned()),
                "nrows",
            )?;
            let cols = count(
                a.take_kw("ncols").or_else(|| a.pos.get(1).cloned()),
                "ncols",
            )?;
            let (w, h) = figsize(&mut a)?;
            let mut fig = Figure::new(w, h);
            fig.nrows = rows;
            fig.ncols = cols;
            fig.axes = vec![Default::default(); rows * cols];
            let f = state::new_figure(fig);
            let axes = if rows * cols == 1 {
                Value::object(AxesObj((f.clone(), 0)))
            } else {
                AxesGrid::value(&f, rows, cols)
            };
            Ok(Value::tuple(vec![Value::object(FigureObj(f)), axes]))
        },
    );
    m.func(
        "subplot",
        "subplot(nrows, ncols, index)",
        "Select (or create) axes in a grid.",
        |_vm, a| {
            let n = |i: usize| count(a.pos.get(i).cloned(), "subplot argument");
            let (rows, cols, idx) = (n(0)?, n(1)?, n(2)?);
            if idx > rows * cols {
                return Err(exc::value_error(format!(
                    "num must be an integer with 1 <= num <= {}, not {idx}",
                    rows * cols
                )));
            }
            let f = state::gcf();
            {
                let mut fig = f.fig.lock();
                fig.nrows = rows;
                fig.ncols = cols;
            }
            state::with_axes(&f, idx - 1, |_| ());
            Ok(Value::object(AxesObj((f, idx - 1))))
        },
    );
    m.func("gcf", "gcf()", "The current figure.", |_vm, _a| {
        Ok(Value::object(FigureObj(state::gcf())))
    });
    m.func("gca", "gca()", "The current axes.", |_vm, _a| {
        let t = current();
        state::with_axes(&t.0, t.1, |_| ());
        Ok(Value::object(AxesObj(t)))
    });
    for name in [
        "plot", "scatter", "hist", "imshow", "title", "xlabel", "ylabel", "xlim", "ylim", "legend",
        "axis", "grid",
    ] {
        m.func(
            name,
            &format!("{name}(...)"),
            "Draw on the current axes.",
            move |vm: &mut Vm, a| draw(vm, &current(), name, a).expect("known drawing call"),
        );
    }
    m.func(
        "colorbar",
        "colorbar(mappable=None)",
        "A colorbar for the current image.",
        |_vm, a| {
            let t = a.pos.first().and_then(target_of).unwrap_or_else(current);
            plotting::colorbar(&t)
        },
    );
    m.func(
        "suptitle",
        "suptitle(t)",
        "A title over the whole figure.",
        |_vm, a| {
            state::gcf().fig.lock().suptitle = a
                .pos
                .first()
                .map(crate::lang::repr::str_simple)
                .unwrap_or_default();
            Ok(Value::None)
        },
    );
    m.func(
        "savefig",
        "savefig(fname)",
        "Write the current figure as SVG.",
        |_vm, a| savefig(&state::gcf(), a),
    );
    m.func("show", "show()", "Display every open figure.", |vm, _a| {
        state::flush(vm.ctx);
        Ok(Value::None)
    });
    m.func(
        "close",
        "close(fig=None)",
        "Close a figure, or all with 'all'.",
        |_vm, a| {
            match a.pos.first() {
                Some(Value::Object(o)) => {
                    if let Some(f) = o.as_any().downcast_ref::<FigureObj>() {
                        state::close(Some(&f.0));
                    }
                }
                _ => state::close(None),
            }
            Ok(Value::None)
        },
    );
    m.func(
        "tight_layout",
        "tight_layout()",
        "Accepted; layout is automatic.",
        |_vm, _a| Ok(Value::None),
    );
    m.func("ion", "ion()", "Accepted.", |_vm, _a| Ok(Value::None));
    m.func("ioff", "ioff()", "Accepted.", |_vm, _a| Ok(Value::None));
    Value::Module(m)
}

/// Build `matplotlib`.
pub fn matplotlib() -> Value {
    let m = new_module("matplotlib", "Plotting (Tessera's subset).");
    m.set("__version__", Value::str("3.9.0-tessera"));
    m.set("pyplot", pyplot());
    m.func(
        "use",
        "use(backend)",
        "Accepted: figures always render inline.",
        |_vm, _a| Ok(Value::None),
    );
    Value::Module(m)
}
