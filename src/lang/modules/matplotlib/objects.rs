//! The values pyplot hands back: `Figure`, `Axes`, grids of axes from `subplots`,
//! and artist handles (reprs like matplotlib's; `colorbar(im)` finds the axes).

use super::plotting::{self, Target};
use super::state::{self, FigState};
use crate::display::MimeBundle;
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::value::{Builtin, Object, Value};
use std::any::Any;
use std::sync::Arc;

/// An artist returned by a drawing call.
pub struct Handle {
    repr: String,
    /// The axes it was drawn on.
    pub target: Target,
}

impl Handle {
    /// Wrap as a value.
    pub fn value(repr: &str, t: &Target) -> Value {
        Value::object(Handle {
            repr: repr.to_string(),
            target: t.clone(),
        })
    }
}

impl Object for Handle {
    fn type_name(&self) -> String {
        "Artist".into()
    }
    fn repr(&self) -> String {
        self.repr.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// Run one drawing method by name on a target (shared by `plt.*` and `Axes.*`).
pub fn draw(vm: &mut Vm, t: &Target, name: &str, a: Args) -> Option<PyResult<Value>> {
    Some(match name {
        "plot" => plotting::plot(vm, t, a),
        "scatter" => plotting::scatter(vm, t, a),
        "hist" => plotting::hist(vm, t, a),
        "imshow" => plotting::imshow(vm, t, a),
        "title" | "set_title" => plotting::set_text(t, "title", a),
        "xlabel" | "set_xlabel" => plotting::set_text(t, "xlabel", a),
        "ylabel" | "set_ylabel" => plotting::set_text(t, "ylabel", a),
        "xlim" | "set_xlim" => plotting::set_lim(vm, t, true, a),
        "ylim" | "set_ylim" => plotting::set_lim(vm, t, false, a),
        "legend" => plotting::flag(t, "legend", &a),
        "axis" | "set_axis_off" => {
            let a = if name == "set_axis_off" {
                Args::pos(vec![Value::str("off")])
            } else {
                a
            };
            plotting::flag(t, "axis", &a)
        }
        "grid" | "set_aspect" | "tick_params" | "set_xticks" | "set_yticks" => Ok(Value::None),
        _ => return None,
    })
}

/// Names `draw` handles, for `dir()`.
pub const AXES_METHODS: &[&str] = &[
    "plot",
    "scatter",
    "hist",
    "imshow",
    "set_title",
    "set_xlabel",
    "set_ylabel",
    "set_xlim",
    "set_ylim",
    "legend",
    "axis",
    "set_axis_off",
    "grid",
];

/// One `Axes`.
#[derive(Clone)]
pub struct AxesObj(pub Target);

impl Object for AxesObj {
    fn type_name(&self) -> String {
        "Axes".into()
    }
    fn repr(&self) -> String {
        "<Axes: >".into()
    }
    fn dir(&self) -> Vec<String> {
        AXES_METHODS.iter().map(|s| s.to_string()).collect()
    }
    fn getattr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        AXES_METHODS.contains(&name).then(|| {
            let (t, n) = (self.0.clone(), name.to_string());
            Ok(Builtin::value(
                name,
                "",
                "Draw on these axes.",
                move |vm, a| {
                    draw(vm, &t, &n, a)
                        .unwrap_or_else(|| Err(exc::new("AttributeError", n.clone())))
                },
            ))
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The axes grid `subplots` returns (`axes[i, j]`, `axes[i][j]`, `axes.flat`, iteration).
pub struct AxesGrid {
    fig: Arc<FigState>,
    rows: usize,
    cols: usize,
    /// Index of the first row this view shows (a row of a 2-D grid is itself a grid).
    row0: usize,
    one_d: bool,
}

impl AxesGrid {
    /// The grid of all axes of `fig` (1-D when it has one row or one column).
    pub fn value(fig: &Arc<FigState>, rows: usize, cols: usize) -> Value {
        Value::object(AxesGrid {
            fig: fig.clone(),
            rows,
            cols,
            row0: 0,
            one_d: rows == 1 || cols == 1,
        })
    }

    fn len_(&self) -> usize {
        if self.one_d {
            self.rows.max(self.cols)
        } else {
            self.rows
        }
    }

    fn axes(&self, i: usize) -> Value {
        Value::object(AxesObj((self.fig.clone(), i)))
    }

    fn at(&self, key: &Value) -> PyResult<Value> {
        let norm = |i: i64, n: usize| -> PyResult<usize> {
            let j = if i < 0 { i + n as i64 } else { i };
            if j < 0 || j >= n as i64 {
                return Err(exc::new(
                    "IndexError",
                    format!("index {i} is out of bounds for axis 0 with size {n}"),
                ));
            }
            Ok(j as usize)
        };
        match key {
            Value::Int(i) if self.one_d => {
                Ok(self.axes(self.row0 * self.cols + norm(*i, self.len_())?))
            }
            Value::Int(i) => Ok(Value::object(AxesGrid {
                fig: self.fig.clone(),
                rows: 1,
                cols: self.cols,
                row0: norm(*i, self.rows)?,
                one_d: true,
            })),
            Value::Tuple(t) if t.len() == 2 && !self.one_d => match (&t[0], &t[1]) {
                (Value::Int(r), Value::Int(c)) => {
                    Ok(self.axes(norm(*r, self.rows)? * self.cols + norm(*c, self.cols)?))
                }
                _ => Err(exc::type_error("axes indices must be integers")),
            },
            _ => Err(exc::new("IndexError", "too many indices for array")),
        }
    }

    fn all(&self) -> Vec<Value> {
        let n = if self.one_d {
            self.len_()
        } else {
            self.rows * self.cols
        };
        (0..n)
            .map(|i| self.axes(self.row0 * self.cols + i))
            .collect()
    }
}

impl Object for AxesGrid {
    fn type_name(&self) -> String {
        "ndarray".into()
    }
    fn repr(&self) -> String {
        let n = self.all().len();
        format!("array([{}], dtype=object)", vec!["<Axes: >"; n].join(", "))
    }
    fn getitem(&self, _vm: &mut Vm, key: &Value) -> Option<PyResult<Value>> {
        Some(self.at(key))
    }
    fn getattr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        match name {
            "flat" | "ravel" | "flatten" => {
                let items = self.all();
                Some(Ok(if name == "flat" {
                    Value::list(items)
                } else {
                    Builtin::value(name, "", "All axes in order.", move |_vm, _a| {
                        Ok(Value::list(items.clone()))
                    })
                }))
            }
            "shape" => Some(Ok(if self.one_d {
                Value::tuple(vec![Value::Int(self.len_() as i64)])
            } else {
                Value::tuple(vec![
                    Value::Int(self.rows as i64),
                    Value::Int(self.cols as i64),
                ])
            })),
            _ => None,
        }
    }
    fn iter(&self, _vm: &mut Vm) -> Option<PyResult<Vec<Value>>> {
        Some(Ok(if self.one_d {
            self.all()
        } else {
            (0..self.rows as i64)
                .map(|r| self.at(&Value::Int(r)))
                .collect::<PyResult<_>>()
                .unwrap_or_default()
        }))
    }
    fn len(&self) -> Option<usize> {
        Some(self.len_())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// A `Figure`.
pub struct FigureObj(pub Arc<FigState>);

impl Object for FigureObj {
    fn type_name(&self) -> String {
        "Figure".into()
    }
    fn repr(&self) -> String {
        self.0.fig.lock().text()
    }
    fn mime_bundle(&self) -> MimeBundle {
        MimeBundle::plain(self.repr())
    }
    fn getattr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        let f = self.0.clone();
        Some(Ok(match name {
            "savefig" => Builtin::value(
                "savefig",
                "savefig(fname)",
                "Write the figure as SVG.",
                move |_vm, a| super::savefig(&f, a),
            ),
            "suptitle" => Builtin::value(
                "suptitle",
                "suptitle(t)",
                "A title over all axes.",
                move |_vm, a| {
                    f.fig.lock().suptitle = a
                        .pos
                        .first()
                        .map(crate::lang::repr::str_simple)
                        .unwrap_or_default();
                    Ok(Value::None)
                },
            ),
            "colorbar" => Builtin::value(
                "colorbar",
                "colorbar(mappable)",
                "A colorbar beside the image's axes.",
                move |_vm, a| {
                    let t = a
                        .pos
                        .first()
                        .and_then(super::target_of)
                        .unwrap_or((f.clone(), *f.current_ax.lock()));
                    plotting::colorbar(&t)
                },
            ),
            "tight_layout" | "set_size_inches" | "set_dpi" => {
                Builtin::value(name, "", "Accepted; layout is automatic.", |_vm, _a| {
                    Ok(Value::None)
                })
            }
            "axes" => {
                let n = self.0.fig.lock().axes.len();
                Value::list(
                    (0..n)
                        .map(|i| Value::object(AxesObj((f.clone(), i))))
                        .collect(),
                )
            }
            "show" => Builtin::value(
                "show",
                "show()",
                "Display the figure now.",
                move |vm, _a| {
                    vm.ctx.out.display(f.fig.lock().bundle(), None, false);
                    state::close(Some(&f));
                    Ok(Value::None)
                },
            ),
            _ => return None,
        }))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}
