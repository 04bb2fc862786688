//! Which executor a compute uses: the `scheduler=`/`num_workers=` keywords, else
//! `dask.config`, else the active `Client`'s pool, else threads on every core.

use super::{client, config};
use crate::lang::eval::Args;
use crate::lang::exc::{self, PyResult};
use crate::lang::output::StreamName;
use crate::lang::value::Value;
use crate::lang::ExecContext;
use crate::sched::Scheduler;
use std::sync::atomic::{AtomicBool, Ordering};

static PROCESSES_NOTED: AtomicBool = AtomicBool::new(false);

/// The scheduler for a name Dask accepts; `workers` 0 means every core.
pub fn by_name(name: &str, workers: usize) -> PyResult<Scheduler> {
    match name {
        "sync" | "synchronous" | "single-threaded" => Ok(Scheduler::Sync),
        "threads" | "threading" | "processes" | "multiprocessing" => Ok(Scheduler::Threads {
            num_workers: workers,
        }),
        other => Err(exc::value_error(format!(
            "Expected one of [sync, synchronous, single-threaded, threads, threading, processes, multiprocessing], got {other:?}"
        ))),
    }
}

fn workers_of(v: Option<Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(n)) if n >= 1 => Ok(Some(n as usize)),
        Some(other) => Err(exc::value_error(format!(
            "num_workers must be a positive integer, got {}",
            crate::lang::repr::repr_simple(&other)
        ))),
    }
}

/// Tell the user once per process that 'processes' runs on threads, and why.
fn note_processes(ctx: &ExecContext, name: &str) {
    if matches!(name, "processes" | "multiprocessing")
        && !PROCESSES_NOTED.swap(true, Ordering::Relaxed)
    {
        ctx.out.stream(
            StreamName::Stderr,
            "Note: Tessera runs scheduler='processes' on threads. There is no GIL, so threads \
             already run your functions in parallel, without copying data between processes.\n",
        );
    }
}

/// Resolve the scheduler for one compute call, consuming its `scheduler=`/`num_workers=`.
pub fn resolve(ctx: &ExecContext, a: &mut Args) -> PyResult<Scheduler> {
    let explicit_workers = workers_of(a.take_kw("num_workers"))?;
    let workers = match explicit_workers {
        Some(n) => Some(n),
        None => workers_of(config::get("num_workers"))?,
    };
    let chosen = match a.take_kw("scheduler") {
        Some(Value::None) | None => config::get("scheduler").filter(|v| !v.is_none()),
        Some(v) => Some(v),
    };
    let pool_threads = client::active_threads();
    match chosen {
        Some(Value::Str(name)) => {
            note_processes(ctx, &name);
            by_name(&name, workers.unwrap_or(0))
        }
        Some(Value::Object(o)) => match client::as_client(o.as_any()) {
            Some(c) => Ok(Scheduler::Threads {
                num_workers: workers.unwrap_or(c.total_threads()),
            }),
            None => Err(exc::type_error(format!(
                "scheduler must be a string or a Client, not {}",
                o.type_name()
            ))),
        },
        Some(other) => Err(exc::type_error(format!(
            "scheduler must be a string, not {}",
            other.type_name()
        ))),
        None => Ok(Scheduler::Threads {
            num_workers: workers.or(pool_threads).unwrap_or(0),
        }),
    }
}
