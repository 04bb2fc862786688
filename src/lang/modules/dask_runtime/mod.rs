//! How computes run, for every collection: `dask.config`, the scheduler choice,
//! `dask.distributed`'s `Client`/`LocalCluster` and futures, `dask.diagnostics`,
//! live progress bars and the memory guard. Arrays, delayed values and bags all
//! reach the scheduler through [`scheduler_from`] and [`observe`].

pub mod client;
pub mod config;
pub mod diagnostics;
mod futures;
pub mod live;
pub mod memory;
pub mod scheduler;
pub mod toplevel;

pub use live::observe;

use super::new_module;
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::PyResult;
use crate::lang::value::{dict::new_dict, HashKey, Value};
use crate::sched::Scheduler;

/// The scheduler for one compute call (keywords, then config, then the client).
pub fn scheduler_from(vm: &Vm, a: &mut Args) -> PyResult<Scheduler> {
    scheduler::resolve(vm.ctx, a)
}

/// A dict with string keys, in order.
pub fn dict_of(items: Vec<(&str, Value)>) -> Value {
    let mut d = new_dict();
    for (k, v) in items {
        let key = Value::str(k);
        d.insert(HashKey::of(&key).expect("str is hashable"), (key, v));
    }
    Value::dict(d)
}

/// `dask.config`.
pub fn config_module() -> Value {
    let m = new_module("dask.config", "Dask's settings (process-wide).");
    m.func(
        "set",
        "set(settings=None, **kwargs)",
        "Change settings now; inside `with`, only for the block.",
        config::set,
    );
    m.func(
        "get",
        "get(key, default=None)",
        "A setting's value.",
        config::get_fn,
    );
    Value::Module(m)
}

/// `dask.distributed` / `distributed`.
pub fn distributed_module() -> Value {
    let m = new_module(
        "dask.distributed",
        "Local pools of workers (Tessera computes in this process; no remote clusters yet).",
    );
    m.func(
        "Client",
        "Client(address=None, n_workers=None, threads_per_worker=None, processes=True, memory_limit='auto')",
        "Connect to (start) a local pool; later computes use it.",
        client::client,
    );
    m.func(
        "LocalCluster",
        "LocalCluster(n_workers=None, threads_per_worker=None, processes=True, memory_limit='auto')",
        "A local pool of workers × threads.",
        client::local_cluster,
    );
    m.func(
        "progress",
        "progress(*futures)",
        "Progress of futures (bars show in the notebook as computes run).",
        |_vm, _a| Ok(Value::None),
    );
    Value::Module(m)
}

/// `dask.diagnostics`.
pub fn diagnostics_module() -> Value {
    let m = new_module(
        "dask.diagnostics",
        "Progress bars and profilers for local computes.",
    );
    m.func(
        "ProgressBar",
        "ProgressBar(minimum=0, width=40, dt=0.1)",
        "A text progress bar for computes inside `with` (or after register()).",
        diagnostics::progress_bar,
    );
    m.func(
        "Profiler",
        "Profiler()",
        "Per-task timings of computes.",
        diagnostics::profiler,
    );
    m.func(
        "ResourceProfiler",
        "ResourceProfiler(dt=1)",
        "Memory and CPU of the process over time.",
        diagnostics::resource_profiler,
    );
    m.func(
        "visualize",
        "visualize(profilers)",
        "Draw several profilers' results, stacked.",
        diagnostics::visualize,
    );
    Value::Module(m)
}
