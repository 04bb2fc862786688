//! `dask.delayed` in the dialect: lazy calls of user functions that run on
//! scheduler threads, truly in parallel (no GIL). The computing cell's context
//! (output, interrupt flag) reaches every task through a literal graph input,
//! so `print` and `time.sleep` inside tasks behave as in the cell itself.

mod objects;

use arcstr::ArcStr;
pub use objects::{as_delayed, compute_delayed, graph_dict, DelayedFunc, DelayedObj};

use crate::delayed::{Delayed, KeyRule};
use crate::graph::{Key, Tokenizer};
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyErr, PyResult};
use crate::lang::value::{Builtin, Value};
use crate::lang::ExecContext;
use crate::sched::{datum, task_fn, Datum, TaskError, TaskFn};
use std::sync::Arc;

/// The key every dialect task reads its execution context from.
pub fn context_key() -> Key {
    Key::named("tessera-exec-context")
}

/// A dialect exception raised inside a task, carried through the scheduler.
pub struct TaskRaised(pub Box<PyErr>);

impl std::fmt::Debug for TaskRaised {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "TaskRaised({self})")
    }
}

impl std::fmt::Display for TaskRaised {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.0.name(), self.0.message())
    }
}

impl std::error::Error for TaskRaised {}

/// Where an argument's value comes from when the task runs.
#[derive(Clone)]
pub enum Arg {
    /// A value known when the call was made.
    Value(Value),
    /// The result of dependency `i`.
    Dep(usize),
    /// A list/tuple rebuilt from parts (containers holding delayed values).
    List(Vec<Arg>, bool),
}

fn resolve(a: &Arg, deps: &[Value]) -> Value {
    match a {
        Arg::Value(v) => v.clone(),
        Arg::Dep(i) => deps[*i].clone(),
        Arg::List(items, is_tuple) => {
            let v: Vec<Value> = items.iter().map(|x| resolve(x, deps)).collect();
            if *is_tuple {
                Value::tuple(v)
            } else {
                Value::list(v)
            }
        }
    }
}

/// Turn an argument into an `Arg`, collecting delayed dependencies.
pub fn capture(v: &Value, deps: &mut Vec<Delayed>, tok: &mut Tokenizer) -> Arg {
    if let Some(d) = as_delayed(v) {
        tok.str(d.key().name());
        deps.push(d);
        return Arg::Dep(deps.len() - 1);
    }
    let items = match v {
        Value::List(l) => Some((l.read().clone(), false)),
        Value::Tuple(t) => Some((t.to_vec(), true)),
        _ => None,
    };
    if let Some((items, is_tuple)) = items {
        if items
            .iter()
            .any(|x| as_delayed(x).is_some() || matches!(x, Value::List(_) | Value::Tuple(_)))
        {
            tok.group(items.len());
            return Arg::List(
                items.iter().map(|x| capture(x, deps, tok)).collect(),
                is_tuple,
            );
        }
    }
    tok.str(&crate::lang::repr::repr_simple(v));
    Arg::Value(v.clone())
}

/// What a task does with its resolved arguments.
pub enum Action {
    /// Call `f(*args, **kwargs)`.
    Call(Value),
    /// `getattr(obj, name)`.
    Attr(ArcStr),
    /// `obj[key]`.
    Item,
    /// `a <op> b`.
    BinOp(crate::lang::ir::BinOp),
    /// A comparison.
    Compare(crate::lang::ir::CmpOp),
    /// Unary `-`, `+`, `~`.
    Unary(char),
    /// Call the first argument with the rest (a delayed method or callable).
    CallFirst,
}

/// A task running dialect code: inputs are `[context, deps...]`.
pub fn dialect_task(action: Action, args: Vec<Arg>, kwargs: Vec<(ArcStr, Arg)>) -> Arc<dyn TaskFn> {
    task_fn(move |inputs: &[Datum]| -> Result<Datum, TaskError> {
        let ctx = inputs[0]
            .downcast_ref::<ExecContext>()
            .ok_or("internal error: missing execution context")?;
        let deps: Vec<Value> = inputs[1..]
            .iter()
            .map(|d| {
                d.downcast_ref::<Value>()
                    .cloned()
                    .ok_or("internal error: expected a value")
            })
            .collect::<Result<_, _>>()?;
        let pos: Vec<Value> = args.iter().map(|a| resolve(a, &deps)).collect();
        let kw: Vec<(ArcStr, Value)> = kwargs
            .iter()
            .map(|(k, a)| (k.clone(), resolve(a, &deps)))
            .collect();
        let mut vm = Vm::new(ctx);
        let r = match &action {
            Action::Call(f) => vm.call_value(
                f,
                Args {
                    pos,
                    kw: kw.clone(),
                },
            ),
            Action::Attr(name) => vm.getattr(&pos[0], name),
            Action::Item => crate::lang::ops::getitem(&mut vm, &pos[0], &pos[1]),
            Action::BinOp(op) => crate::lang::ops::binop(&mut vm, *op, &pos[0], &pos[1]),
            Action::Compare(op) => vm.compare(*op, &pos[0], &pos[1]),
            Action::Unary(c) => unary(&mut vm, *c, &pos[0]),
            Action::CallFirst => {
                let f = pos[0].clone();
                vm.call_value(
                    &f,
                    Args {
                        pos: pos[1..].to_vec(),
                        kw,
                    },
                )
            }
        };
        r.map(datum)
            .map_err(|e| Box::new(TaskRaised(e)) as TaskError)
    })
}

fn unary(vm: &mut Vm, op: char, v: &Value) -> PyResult<Value> {
    use crate::lang::ir::BinOp;
    match op {
        '-' => crate::lang::ops::binop(vm, BinOp::Sub, &Value::Int(0), v),
        '+' => Ok(v.clone()),
        _ => Err(exc::type_error(format!(
            "bad operand type for unary {op}: '{}'",
            v.type_name()
        ))),
    }
}

/// The name Dask gives a callable's tasks (`inc`, `add`, `method`).
pub fn func_name(f: &Value) -> String {
    match f {
        Value::Func(func) => func.code.name.to_string(),
        Value::Builtin(b) => b.name.to_string(),
        Value::Method(m) => func_name(&m.1),
        Value::Class(c) => c.name.to_string(),
        other => other.type_name(),
    }
}

/// Build a delayed call node.
pub fn make_call(
    action: Action,
    name: &str,
    args: &[Value],
    kwargs: &[(ArcStr, Value)],
    pure: bool,
    key_name: Option<String>,
    nout: Option<usize>,
) -> Delayed {
    let mut deps = Vec::new();
    let mut tok = Tokenizer::new();
    tok.str(name);
    let a: Vec<Arg> = args
        .iter()
        .map(|v| capture(v, &mut deps, &mut tok))
        .collect();
    let k: Vec<(ArcStr, Arg)> = kwargs
        .iter()
        .map(|(n, v)| {
            tok.str(n);
            (n.clone(), capture(v, &mut deps, &mut tok))
        })
        .collect();
    if let Action::Call(f) = &action {
        tok.u64(f.ptr_id().unwrap_or(0) as u64);
    }
    let rule = match key_name {
        Some(k) => KeyRule::Named(k),
        None if pure => KeyRule::Pure(tok.finish()),
        None => KeyRule::Impure,
    };
    Delayed::call_with_inputs(
        name,
        dialect_task(action, a, k),
        vec![context_key()],
        deps,
        &rule,
        nout,
    )
}

/// Build `delayed(obj, name=None, pure=None, nout=None)`.
pub fn delayed_builtin() -> Value {
    Builtin::value(
        "delayed",
        "delayed(obj, name=None, pure=None, nout=None)",
        "Wrap a function (calls become lazy tasks) or a value (a lazy leaf).",
        delayed_impl,
    )
}

fn delayed_impl(_vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let pure = a
        .take_kw("pure")
        .and_then(|v| v.truthy_simple())
        .unwrap_or(false);
    let nout = match a.take_kw("nout") {
        Some(Value::Int(n)) if n >= 0 => Some(n as usize),
        _ => None,
    };
    let name = match a.take_kw("name") {
        Some(Value::Str(s)) => Some(s.to_string()),
        _ => None,
    };
    let _ = a.take_kw("traverse");
    if a.pos.is_empty() {
        // `@delayed(pure=True)`: return a decorator.
        return Ok(Builtin::value(
            "delayed",
            "delayed(obj)",
            "Decorator made by delayed(...).",
            move |vm, mut inner| {
                if pure {
                    inner.kw.push((ArcStr::from("pure"), Value::Bool(true)));
                }
                if let Some(n) = nout {
                    inner.kw.push((ArcStr::from("nout"), Value::Int(n as i64)));
                }
                delayed_impl(vm, inner)
            },
        ));
    }
    a.check("delayed", 1)?;
    let obj = a.pos[0].clone();
    if as_delayed(&obj).is_some() {
        return Ok(obj);
    }
    if matches!(
        obj,
        Value::Func(_) | Value::Builtin(_) | Value::Method(_) | Value::Class(_)
    ) {
        return Ok(Value::object(DelayedFunc {
            func: obj,
            pure,
            nout,
            name,
        }));
    }
    // A plain value: a leaf keyed by its contents where they can be hashed.
    let mut t = Tokenizer::new();
    t.str(&crate::lang::repr::repr_simple(&obj));
    let prefix = name.clone().unwrap_or_else(|| obj.type_name());
    let rule = match name {
        Some(n) => KeyRule::Named(n),
        None => KeyRule::Pure(t.finish()),
    };
    Ok(DelayedObj::value(Delayed::literal(
        &prefix,
        datum(obj),
        &rule,
    )))
}
