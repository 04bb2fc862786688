//! `Delayed` values and delayed functions as dialect objects, and computing them.

use super::{context_key, func_name, make_call, Action, TaskRaised};
use crate::delayed::Delayed;
use crate::graph::{compile, Pipeline, Task};
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::ir::{BinOp, CmpOp};
use crate::lang::value::{Builtin, Object, Value};
use crate::sched::{datum, ExecOptions, SchedError, Scheduler};
use arcstr::ArcStr;
use std::any::Any;

/// A lazy value.
pub struct DelayedObj(pub Delayed);

impl DelayedObj {
    /// Wrap as a dialect value.
    pub fn value(d: Delayed) -> Value {
        Value::object(DelayedObj(d))
    }
}

/// The delayed value inside a dialect value, if any.
pub fn as_delayed(v: &Value) -> Option<Delayed> {
    match v {
        Value::Object(o) => o.as_any().downcast_ref::<DelayedObj>().map(|d| d.0.clone()),
        _ => None,
    }
}

/// Compute delayed values together on `scheduler` (shared keys run once).
pub fn compute_delayed(
    vm: &mut Vm,
    outs: &[Delayed],
    scheduler: Scheduler,
) -> PyResult<Vec<Value>> {
    let mut g = Delayed::to_graph(outs);
    g.insert(context_key(), Task::literal(datum(vm.ctx.clone())));
    let keys: Vec<_> = outs.iter().map(|d| d.key().clone()).collect();
    let lowered = compile(g, &keys, &Pipeline::standard())
        .map_err(|e| exc::new("RuntimeError", e.to_string()))?;
    let ctx = vm.ctx.clone();
    let values = crate::lang::modules::dask_runtime::observe(
        &ctx,
        |sink| {
            // The context literal is bookkeeping: the bar counts the user's calls only.
            let hiding = crate::lang::modules::dask_runtime::live::Hiding(sink, 1);
            let opts = ExecOptions::new(ctx.cancel.clone()).with_events(&hiding);
            scheduler.execute(&lowered.plan, &lowered.outputs, &opts)
        },
        |r| {
            crate::lang::modules::dask_array::state_of(
                r.as_ref().err().map(|e| matches!(e, SchedError::Cancelled)),
            )
        },
    )
    .map_err(|e| match e {
        SchedError::Cancelled => exc::interrupt(),
        SchedError::TaskFailed { source, key, .. } => match source.downcast::<TaskRaised>() {
            Ok(raised) => raised.0,
            Err(other) => exc::new("RuntimeError", format!("task {key} failed: {other}")),
        },
        other => exc::new("RuntimeError", other.to_string()),
    })?;
    values
        .iter()
        .map(|d| {
            d.downcast_ref::<Value>().cloned().ok_or_else(|| {
                exc::new(
                    "RuntimeError",
                    "internal error: a task did not return a value",
                )
            })
        })
        .collect()
}

/// `x.dask`: the task graph as a dict of key → operation name (`len(x.dask)` counts tasks).
pub fn graph_dict(outs: &[Delayed]) -> Value {
    let g = Delayed::to_graph(outs);
    let mut d = crate::lang::value::dict::new_dict();
    for n in g.nodes() {
        let k = Value::str(n.key.name());
        let v = Value::str(crate::graph::key_prefix(n.key.name()));
        d.insert(crate::lang::value::HashKey::of(&k).expect("str"), (k, v));
    }
    Value::dict(d)
}

fn pure_op(action: Action, name: &str, args: &[Value]) -> Value {
    DelayedObj::value(make_call(action, name, args, &[], true, None, None))
}

impl Object for DelayedObj {
    fn type_name(&self) -> String {
        "Delayed".into()
    }
    fn repr(&self) -> String {
        format!("Delayed('{}')", self.0.key().name())
    }
    fn getattr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        let d = self.0.clone();
        Some(Ok(match name {
            "compute" => Builtin::value(
                "compute",
                "compute(scheduler=None)",
                "Compute this value.",
                move |vm, mut a| {
                    let sched = crate::lang::modules::dask_runtime::scheduler_from(vm, &mut a)?;
                    a.check("compute", 0)?;
                    Ok(compute_delayed(vm, std::slice::from_ref(&d), sched)?.remove(0))
                },
            ),
            "persist" => Builtin::value(
                "persist",
                "persist()",
                "Compute and keep the result as a lazy leaf.",
                move |vm, mut a| {
                    let sched = crate::lang::modules::dask_runtime::scheduler_from(vm, &mut a)?;
                    let v = compute_delayed(vm, std::slice::from_ref(&d), sched)?.remove(0);
                    let rule = crate::delayed::KeyRule::Named(d.key().name().to_string());
                    Ok(DelayedObj::value(Delayed::literal(
                        d.op_name(),
                        datum(v),
                        &rule,
                    )))
                },
            ),
            "key" => Value::str(d.key().name()),
            "dask" => graph_dict(std::slice::from_ref(&d)),
            "visualize" => Builtin::value(
                "visualize",
                "visualize(filename=None, optimize_graph=False, color=None, rankdir='BT')",
                "Draw the task graph as SVG.",
                move |_vm, a| {
                    let mut g = Delayed::to_graph(std::slice::from_ref(&d));
                    g.insert(context_key(), Task::literal(datum(())));
                    super::super::dask_array::visualize::visualize(
                        g,
                        std::slice::from_ref(d.key()),
                        a,
                    )
                },
            ),
            _ if name.starts_with("__") => return None,
            _ => pure_op(
                Action::Attr(ArcStr::from(name)),
                "getattr",
                &[Value::object(DelayedObj(d))],
            ),
        }))
    }
    fn call(&self, _vm: &mut Vm, mut args: Args) -> Option<PyResult<Value>> {
        let pure = args
            .take_kw("pure")
            .and_then(|v| v.truthy_simple())
            .unwrap_or(false);
        let mut pos = vec![Value::object(DelayedObj(self.0.clone()))];
        pos.extend(args.pos);
        Some(Ok(DelayedObj::value(make_call(
            Action::CallFirst,
            "call",
            &pos,
            &args.kw,
            pure,
            None,
            None,
        ))))
    }
    fn binop(&self, _vm: &mut Vm, op: BinOp, other: &Value) -> Option<PyResult<Value>> {
        Some(Ok(pure_op(
            Action::BinOp(op),
            binop_name(op),
            &[Value::object(DelayedObj(self.0.clone())), other.clone()],
        )))
    }
    fn rbinop(&self, _vm: &mut Vm, op: BinOp, other: &Value) -> Option<PyResult<Value>> {
        Some(Ok(pure_op(
            Action::BinOp(op),
            binop_name(op),
            &[other.clone(), Value::object(DelayedObj(self.0.clone()))],
        )))
    }
    fn compare(&self, _vm: &mut Vm, op: &str, other: &Value) -> Option<PyResult<Value>> {
        let c = match op {
            "==" => CmpOp::Eq,
            "!=" => CmpOp::Ne,
            "<" => CmpOp::Lt,
            "<=" => CmpOp::Le,
            ">" => CmpOp::Gt,
            ">=" => CmpOp::Ge,
            _ => return None,
        };
        Some(Ok(pure_op(
            Action::Compare(c),
            "compare",
            &[Value::object(DelayedObj(self.0.clone())), other.clone()],
        )))
    }
    fn unary(&self, _vm: &mut Vm, op: char) -> Option<PyResult<Value>> {
        Some(Ok(pure_op(
            Action::Unary(op),
            "neg",
            &[Value::object(DelayedObj(self.0.clone()))],
        )))
    }
    fn getitem(&self, _vm: &mut Vm, key: &Value) -> Option<PyResult<Value>> {
        Some(Ok(pure_op(
            Action::Item,
            "getitem",
            &[Value::object(DelayedObj(self.0.clone())), key.clone()],
        )))
    }
    fn iter(&self, _vm: &mut Vm) -> Option<PyResult<Vec<Value>>> {
        Some(match self.0.nout() {
            Some(n) => Ok((0..n)
                .map(|i| {
                    pure_op(
                        Action::Item,
                        "getitem",
                        &[
                            Value::object(DelayedObj(self.0.clone())),
                            Value::Int(i as i64),
                        ],
                    )
                })
                .collect()),
            None => Err(exc::type_error(
                "Delayed objects of unspecified length are not iterable",
            )),
        })
    }
    fn len(&self) -> Option<usize> {
        self.0.nout()
    }
    fn truthiness(&self) -> Option<PyResult<bool>> {
        Some(Err(exc::type_error(
            "Truth of Delayed objects is not supported",
        )))
    }
    fn setattr(&self, _vm: &mut Vm, _name: &str, _v: Value) -> Option<PyResult<()>> {
        Some(Err(exc::type_error("Delayed objects are immutable")))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn binop_name(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "add",
        BinOp::Sub => "sub",
        BinOp::Mul => "mul",
        BinOp::Div => "truediv",
        BinOp::FloorDiv => "floordiv",
        BinOp::Mod => "mod",
        BinOp::Pow => "pow",
        BinOp::MatMul => "matmul",
        _ => "binop",
    }
}

/// `delayed(f)`: calling it builds a lazy task.
pub struct DelayedFunc {
    /// The wrapped callable.
    pub func: Value,
    /// Whether calls are keyed by their arguments.
    pub pure: bool,
    /// Declared number of outputs of each call.
    pub nout: Option<usize>,
    /// Key prefix override.
    pub name: Option<String>,
}

impl Object for DelayedFunc {
    fn type_name(&self) -> String {
        "Delayed".into()
    }
    fn repr(&self) -> String {
        format!("Delayed('{}')", func_name(&self.func))
    }
    fn call(&self, _vm: &mut Vm, mut args: Args) -> Option<PyResult<Value>> {
        let pure = args
            .take_kw("pure")
            .and_then(|v| v.truthy_simple())
            .unwrap_or(self.pure);
        let key_name = match args.take_kw("dask_key_name") {
            Some(Value::Str(s)) => Some(s.to_string()),
            _ => None,
        };
        let name = self.name.clone().unwrap_or_else(|| func_name(&self.func));
        Some(Ok(DelayedObj::value(make_call(
            Action::Call(self.func.clone()),
            &name,
            &args.pos,
            &args.kw,
            pure,
            key_name,
            self.nout,
        ))))
    }
    fn getattr(&self, vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        match name {
            "__name__" => Some(Ok(Value::str(&func_name(&self.func)))),
            _ => Some(vm.getattr(&self.func, name)),
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}
