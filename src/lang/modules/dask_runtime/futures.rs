//! `client.submit`/`map`/`compute` and their `Future`s: work runs on background
//! threads (bounded by the client's pool for submitted functions) while the cell
//! goes on; `result()`/`gather` wait, and an interrupt stops the waiting.

use super::client::Pool;
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyErr, PyResult};
use crate::lang::value::{Builtin, Object, Value};
use crate::lang::ExecContext;
use arcstr::ArcStr;
use parking_lot::{Condvar, Mutex};
use std::any::Any;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

static NEXT: AtomicU64 = AtomicU64::new(1);

type Outcome = Result<Value, Box<PyErr>>;

struct Slot {
    done: Mutex<Option<Outcome>>,
    ready: Condvar,
}

/// A result being computed in the background.
#[derive(Clone)]
pub struct Future {
    key: ArcStr,
    slot: Arc<Slot>,
}

impl Future {
    fn spawn(
        prefix: &str,
        ctx: &ExecContext,
        work: impl FnOnce(&mut Vm) -> Outcome + Send + 'static,
    ) -> Future {
        let key: ArcStr = ArcStr::from(format!(
            "{prefix}-{:08x}",
            NEXT.fetch_add(1, Ordering::Relaxed)
                .wrapping_mul(0x9E37_79B9)
        ));
        let slot = Arc::new(Slot {
            done: Mutex::new(None),
            ready: Condvar::new(),
        });
        let (s, ctx) = (slot.clone(), ctx.clone());
        std::thread::Builder::new()
            .name(format!("tessera-future-{key}"))
            .spawn(move || {
                super::live::quiet_thread();
                let mut vm = Vm::new(&ctx);
                let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&mut vm)))
                    .unwrap_or_else(|p| {
                        Err(exc::new("RuntimeError", crate::session::panic_message(&p)))
                    });
                *s.done.lock() = Some(r);
                s.ready.notify_all();
            })
            .expect("spawning a future's thread");
        Future { key, slot }
    }

    /// Wait for the result; KeyboardInterrupt if the cell is interrupted meanwhile.
    pub fn wait(&self, vm: &Vm, timeout: Option<Duration>) -> Outcome {
        let deadline = timeout.map(|t| std::time::Instant::now() + t);
        let mut done = self.slot.done.lock();
        loop {
            if let Some(r) = done.as_ref() {
                return r.clone();
            }
            if vm.ctx.cancel.is_cancelled() {
                return Err(exc::interrupt());
            }
            if deadline.is_some_and(|d| std::time::Instant::now() >= d) {
                return Err(exc::new(
                    "TimeoutError",
                    format!("Future {} did not finish in time", self.key),
                ));
            }
            self.slot
                .ready
                .wait_for(&mut done, Duration::from_millis(20));
        }
    }

    fn status(&self) -> &'static str {
        match self.slot.done.lock().as_ref() {
            None => "pending",
            Some(Ok(_)) => "finished",
            Some(Err(_)) => "error",
        }
    }
}

/// The `Future` a value holds, if it is one.
fn as_future(v: &Value) -> Option<Future> {
    match v {
        Value::Object(o) => o.as_any().downcast_ref::<Future>().cloned(),
        _ => None,
    }
}

/// Replace futures (also inside lists/tuples) by their results.
fn resolve(vm: &Vm, v: &Value) -> Outcome {
    if let Some(f) = as_future(v) {
        return f.wait(vm, None);
    }
    Ok(match v {
        Value::List(l) => {
            let items = l.read().clone();
            Value::list(
                items
                    .iter()
                    .map(|x| resolve(vm, x))
                    .collect::<Result<_, _>>()?,
            )
        }
        Value::Tuple(t) => {
            Value::tuple(t.iter().map(|x| resolve(vm, x)).collect::<Result<_, _>>()?)
        }
        other => other.clone(),
    })
}

fn func_name(vm: &mut Vm, f: &Value) -> String {
    vm.getattr(f, "__name__")
        .ok()
        .and_then(|n| match n {
            Value::Str(s) => Some(s.to_string()),
            _ => None,
        })
        .unwrap_or_else(|| "func".into())
}

fn submit_one(vm: &mut Vm, pool: &Arc<Pool>, f: Value, args: Args) -> Future {
    let name = func_name(vm, &f);
    let pool = pool.clone();
    Future::spawn(&name, &vm.ctx.clone(), move |vm| {
        let pos = args
            .pos
            .iter()
            .map(|v| resolve(vm, v))
            .collect::<Result<Vec<_>, _>>()?;
        let mut kw = Vec::with_capacity(args.kw.len());
        for (k, v) in &args.kw {
            kw.push((k.clone(), resolve(vm, v)?));
        }
        pool.acquire();
        let r = vm.call_value(&f, Args { pos, kw });
        pool.release();
        r
    })
}

/// `client.submit(func, *args, **kwargs)`.
pub fn submit(vm: &mut Vm, pool: &Arc<Pool>, mut a: Args) -> PyResult<Value> {
    if a.pos.is_empty() {
        return Err(exc::type_error(
            "submit() missing required argument: 'func'",
        ));
    }
    let f = a.pos.remove(0);
    for ignored in ["key", "pure", "workers", "resources", "retries", "priority"] {
        let _ = a.take_kw(ignored);
    }
    Ok(Value::object(submit_one(vm, pool, f, a)))
}

/// `client.map(func, *iterables)`: one future per item (zipped when several iterables).
pub fn map(vm: &mut Vm, pool: &Arc<Pool>, mut a: Args) -> PyResult<Value> {
    if a.pos.is_empty() {
        return Err(exc::type_error("map() missing required argument: 'func'"));
    }
    let f = a.pos.remove(0);
    for ignored in [
        "key",
        "pure",
        "workers",
        "resources",
        "retries",
        "priority",
        "batch_size",
    ] {
        let _ = a.take_kw(ignored);
    }
    let columns: Vec<Vec<Value>> = a
        .pos
        .iter()
        .map(|it| vm.iterate(it))
        .collect::<Result<_, _>>()?;
    let n = columns.iter().map(|c| c.len()).min().unwrap_or(0);
    let out = (0..n)
        .map(|i| {
            let args = Args {
                pos: columns.iter().map(|c| c[i].clone()).collect(),
                kw: a.kw.clone(),
            };
            Value::object(submit_one(vm, pool, f.clone(), args))
        })
        .collect();
    Ok(Value::list(out))
}

/// `client.compute(x)` / `client.compute([x, y])`: futures of computed collections.
pub fn compute(vm: &mut Vm, pool: &Arc<Pool>, mut a: Args) -> PyResult<Value> {
    let x = a
        .arg(0, "collections")
        .ok_or_else(|| exc::type_error("compute() needs a collection"))?;
    let sync = a
        .take_kw("sync")
        .and_then(|v| v.truthy_simple())
        .unwrap_or(false);
    let threads = pool.total_threads() as i64;
    let one = |vm: &mut Vm, item: Value| -> Value {
        Value::object(Future::spawn("finalize", &vm.ctx.clone(), move |vm| {
            let f = vm.getattr(&item, "compute")?;
            let kw = vec![(ArcStr::from("num_workers"), Value::Int(threads))];
            vm.call_value(&f, Args { pos: vec![], kw })
        }))
    };
    let futures = match &x {
        Value::List(l) => {
            let items = l.read().clone();
            Value::list(items.into_iter().map(|i| one(vm, i)).collect())
        }
        Value::Tuple(t) => Value::tuple(t.iter().cloned().map(|i| one(vm, i)).collect()),
        _ => one(vm, x),
    };
    if sync {
        gather(vm, &futures)
    } else {
        Ok(futures)
    }
}

/// `client.gather(futures)`: results in the same structure.
pub fn gather(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    resolve(vm, v)
}

impl Object for Future {
    fn type_name(&self) -> String {
        "Future".into()
    }
    fn repr(&self) -> String {
        match self.slot.done.lock().as_ref() {
            Some(Ok(v)) => format!(
                "<Future: finished, type: {}, key: {}>",
                v.type_name(),
                self.key
            ),
            Some(Err(e)) => format!(
                "<Future: error, key: {}, exception: {}>",
                self.key,
                e.name()
            ),
            None => format!("<Future: pending, key: {}>", self.key),
        }
    }
    fn getattr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        let f = self.clone();
        Some(Ok(match name {
            "result" => Builtin::value(
                "result",
                "result(timeout=None)",
                "Wait for and return the result.",
                move |vm, mut a| {
                    let timeout = match a.arg(0, "timeout") {
                        Some(Value::Int(s)) => Some(Duration::from_secs(s.max(0) as u64)),
                        Some(Value::Float(s)) => Some(Duration::from_secs_f64(s.max(0.0))),
                        _ => None,
                    };
                    f.wait(vm, timeout)
                },
            ),
            "done" => Builtin::value(
                "done",
                "done()",
                "Whether the result is ready.",
                move |_vm, _a| Ok(Value::Bool(f.status() != "pending")),
            ),
            "exception" => Builtin::value(
                "exception",
                "exception()",
                "The error raised, or None.",
                move |vm, _a| {
                    Ok(match f.wait(vm, None) {
                        Ok(_) => Value::None,
                        Err(e) => Value::str(&format!("{}: {}", e.name(), e.message())),
                    })
                },
            ),
            "status" => Value::str(self.status()),
            "key" => Value::str(&self.key),
            _ => return None,
        }))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}
