//! `Client` and `LocalCluster` from `dask.distributed`: Tessera computes in this
//! process, so a client configures the local pool (workers × threads) that every
//! later compute uses, like a default Dask client does.

use super::futures;
use super::memory::physical_memory;
use crate::display::cluster::{cluster_bundle, cluster_text, ClusterInfo, ClusterKind};
use crate::display::MimeBundle;
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyErr, PyResult};
use crate::lang::value::{Builtin, Object, Value};
use parking_lot::{Condvar, Mutex, RwLock};
use std::any::Any;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

static DEFAULT: RwLock<Option<Arc<Pool>>> = RwLock::new(None);
static NEXT_ID: AtomicUsize = AtomicUsize::new(1);

/// One local pool: its shape and a counting semaphore bounding concurrent `submit` calls.
pub struct Pool {
    info: ClusterInfo,
    closed: AtomicBool,
    free: Mutex<usize>,
    freed: Condvar,
}

impl Pool {
    /// Threads over all workers.
    pub fn total_threads(&self) -> usize {
        self.info.total_threads()
    }

    /// Block until a worker thread is free (for a submitted function), then hold it.
    pub fn acquire(&self) {
        let mut free = self.free.lock();
        while *free == 0 {
            self.freed.wait(&mut free);
        }
        *free -= 1;
    }

    /// Give a worker thread back.
    pub fn release(&self) {
        *self.free.lock() += 1;
        self.freed.notify_one();
    }
}

/// The `Client` a Python value holds, if it is one.
pub fn as_client(o: &dyn Any) -> Option<&Arc<Pool>> {
    o.downcast_ref::<ClientObj>().map(|c| &c.pool)
}

/// Threads of the default client's pool, when a client is open.
pub fn active_threads() -> Option<usize> {
    DEFAULT
        .read()
        .as_ref()
        .filter(|p| !p.closed.load(Ordering::Relaxed))
        .map(|p| p.total_threads())
}

fn cores() -> usize {
    crate::sched::pool::default_workers()
}

fn count_kw(a: &mut Args, name: &str) -> PyResult<Option<usize>> {
    match a.take_kw(name) {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(n)) if n >= 1 => Ok(Some(n as usize)),
        Some(other) => Err(exc::value_error(format!(
            "{name} must be a positive integer, got {}",
            crate::lang::repr::repr_simple(&other)
        ))),
    }
}

/// Workers × threads as distributed's LocalCluster chooses them from the core count.
pub fn shape(
    n_workers: Option<usize>,
    threads: Option<usize>,
    processes: bool,
    cores: usize,
) -> (usize, usize) {
    match (n_workers, threads) {
        (Some(w), Some(t)) => (w, t),
        (Some(w), None) => (w, (cores / w).max(1)),
        (None, Some(t)) => ((cores / t).max(1), t),
        (None, None) if !processes => (1, cores),
        (None, None) if cores <= 4 => (cores, 1),
        (None, None) => {
            let w = (1..=cores)
                .filter(|f| cores.is_multiple_of(*f) && (f * f) >= cores)
                .min()
                .unwrap_or(1);
            (w, cores / w)
        }
    }
}

fn pool_from(a: &mut Args, kind: ClusterKind) -> PyResult<Arc<Pool>> {
    let n_workers = count_kw(a, "n_workers")?;
    let threads = count_kw(a, "threads_per_worker")?;
    let processes = a
        .take_kw("processes")
        .and_then(|v| v.truthy_simple())
        .unwrap_or(true);
    let memory = match a.take_kw("memory_limit") {
        None | Some(Value::None) => None,
        Some(Value::Str(s)) if &*s == "auto" => None,
        Some(v) => super::memory::limit_value(&v)?,
    };
    for ignored in [
        "dashboard_address",
        "silence_logs",
        "asynchronous",
        "name",
        "set_as_default",
        "scheduler_port",
        "host",
        "local_directory",
        "timeout",
    ] {
        let _ = a.take_kw(ignored);
    }
    let (w, t) = shape(n_workers, threads, processes, cores());
    let per_worker = memory.unwrap_or(physical_memory() / w as u64);
    let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    let info = ClusterInfo {
        kind,
        address: format!("inproc://tessera/{}/{id}", std::process::id()),
        n_workers: w,
        threads_per_worker: t,
        memory_per_worker: Some(per_worker),
        scheduler: "threads (in this process, no GIL)".into(),
    };
    Ok(Arc::new(Pool {
        info,
        closed: AtomicBool::new(false),
        free: Mutex::new(w * t),
        freed: Condvar::new(),
    }))
}

fn remote_error(addr: &str) -> Box<PyErr> {
    exc::new(
        "OSError",
        format!(
            "Tessera computes locally for now and cannot connect to {addr:?}. Use a local pool instead: \
             Client() for every core, or Client(n_workers=2, threads_per_worker=4)."
        ),
    )
}

/// `LocalCluster(n_workers=, threads_per_worker=, processes=, memory_limit=)`.
pub fn local_cluster(_vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let pool = pool_from(&mut a, ClusterKind::LocalCluster)?;
    a.check("LocalCluster", 0)?;
    Ok(Value::object(ClusterObj(pool)))
}

/// `Client(...)`, `Client(cluster)`; becomes the default for later computes.
pub fn client(_vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let target = a.take_kw("address").or_else(|| a.pos.first().cloned());
    let pool = match target {
        None | Some(Value::None) => pool_from(&mut a, ClusterKind::Client)?,
        Some(Value::Str(s)) => return Err(remote_error(&s)),
        Some(Value::Object(o)) => match o.as_any().downcast_ref::<ClusterObj>() {
            Some(c) => c.0.clone(),
            None => {
                return Err(exc::type_error(format!(
                    "Client() cannot use a {} as its cluster",
                    o.type_name()
                )))
            }
        },
        Some(other) => {
            return Err(exc::type_error(format!(
                "Client() cannot use a {} as its cluster",
                other.type_name()
            )))
        }
    };
    pool.closed.store(false, Ordering::Relaxed);
    *DEFAULT.write() = Some(pool.clone());
    Ok(Value::object(ClientObj { pool }))
}

fn info_as(pool: &Pool, kind: ClusterKind) -> ClusterInfo {
    ClusterInfo {
        kind,
        ..pool.info.clone()
    }
}

fn close(pool: &Arc<Pool>) {
    pool.closed.store(true, Ordering::Relaxed);
    let mut d = DEFAULT.write();
    if d.as_ref().is_some_and(|p| Arc::ptr_eq(p, pool)) {
        *d = None;
    }
}

/// A `LocalCluster` value.
pub struct ClusterObj(Arc<Pool>);

impl Object for ClusterObj {
    fn type_name(&self) -> String {
        "LocalCluster".into()
    }
    fn repr(&self) -> String {
        cluster_text(&info_as(&self.0, ClusterKind::LocalCluster))
    }
    fn mime_bundle(&self) -> MimeBundle {
        cluster_bundle(&info_as(&self.0, ClusterKind::LocalCluster))
    }
    fn getattr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        let p = self.0.clone();
        Some(Ok(match name {
            "close" | "shutdown" => {
                Builtin::value(name, "close()", "Stop the pool.", move |_vm, _a| {
                    close(&p);
                    Ok(Value::None)
                })
            }
            "scheduler_address" => Value::str(&self.0.info.address),
            "dashboard_link" => Value::None,
            "workers" => Value::Int(self.0.info.n_workers as i64),
            _ => return None,
        }))
    }
    fn enter_returns_self(&self) -> bool {
        true
    }
    fn exit(&self, _vm: &mut Vm, _exc: Option<&PyErr>) -> PyResult<bool> {
        close(&self.0);
        Ok(false)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// A `Client` value.
pub struct ClientObj {
    pool: Arc<Pool>,
}

impl Object for ClientObj {
    fn type_name(&self) -> String {
        "Client".into()
    }
    fn repr(&self) -> String {
        cluster_text(&info_as(&self.pool, ClusterKind::Client))
    }
    fn mime_bundle(&self) -> MimeBundle {
        cluster_bundle(&info_as(&self.pool, ClusterKind::Client))
    }
    fn dir(&self) -> Vec<String> {
        [
            "close",
            "compute",
            "gather",
            "map",
            "ncores",
            "nthreads",
            "persist",
            "restart",
            "scheduler_info",
            "shutdown",
            "submit",
            "cluster",
            "dashboard_link",
            "status",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    }
    fn getattr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        let p = self.pool.clone();
        Some(Ok(match name {
            "submit" => Builtin::value(
                "submit",
                "submit(func, *args, **kwargs)",
                "Run func(*args) on the pool; returns a Future.",
                move |vm, a| futures::submit(vm, &p, a),
            ),
            "map" => Builtin::value(
                "map",
                "map(func, *iterables)",
                "Submit func for each item; returns a list of Futures.",
                move |vm, a| futures::map(vm, &p, a),
            ),
            "compute" => Builtin::value(
                "compute",
                "compute(collections, sync=False)",
                "Compute collections in the background; Futures.",
                move |vm, a| futures::compute(vm, &p, a),
            ),
            "persist" => Builtin::value(
                "persist",
                "persist(collection)",
                "Compute and keep the blocks.",
                |vm, a| {
                    let x = a
                        .pos
                        .first()
                        .cloned()
                        .ok_or_else(|| exc::type_error("persist() needs a collection"))?;
                    let f = vm.getattr(&x, "persist")?;
                    vm.call_value(&f, Args::default())
                },
            ),
            "gather" => Builtin::value(
                "gather",
                "gather(futures)",
                "Wait for futures; their results.",
                |vm, a| {
                    let x = a
                        .pos
                        .first()
                        .cloned()
                        .ok_or_else(|| exc::type_error("gather() needs futures"))?;
                    futures::gather(vm, &x)
                },
            ),
            "close" | "shutdown" => Builtin::value(
                name,
                "close()",
                "Close the client; later computes use the default threads.",
                move |_vm, _a| {
                    close(&p);
                    Ok(Value::None)
                },
            ),
            "restart" => Builtin::value(
                "restart",
                "restart()",
                "Nothing to restart: workers are threads of this process.",
                |_vm, _a| Ok(Value::None),
            ),
            "ncores" | "nthreads" => {
                let (w, t, addr) = (
                    self.pool.info.n_workers,
                    self.pool.info.threads_per_worker,
                    self.pool.info.address.clone(),
                );
                Builtin::value(name, "nthreads()", "Threads per worker.", move |_vm, _a| {
                    let mut d = crate::lang::value::dict::new_dict();
                    for i in 0..w {
                        let k = Value::str(&format!("{addr}/worker-{i}"));
                        d.insert(
                            crate::lang::value::HashKey::of(&k).expect("str key"),
                            (k, Value::Int(t as i64)),
                        );
                    }
                    Ok(Value::dict(d))
                })
            }
            "scheduler_info" => {
                let info = self.pool.info.clone();
                Builtin::value(
                    "scheduler_info",
                    "scheduler_info()",
                    "The pool's shape.",
                    move |_vm, _a| {
                        Ok(super::dict_of(vec![
                            ("type", Value::str("Scheduler")),
                            ("address", Value::str(&info.address)),
                            ("n_workers", Value::Int(info.n_workers as i64)),
                            (
                                "threads_per_worker",
                                Value::Int(info.threads_per_worker as i64),
                            ),
                            ("total_threads", Value::Int(info.total_threads() as i64)),
                            (
                                "memory_limit",
                                info.total_memory()
                                    .map_or(Value::None, |m| Value::Int(m as i64)),
                            ),
                        ]))
                    },
                )
            }
            "cluster" => Value::object(ClusterObj(self.pool.clone())),
            "dashboard_link" => Value::None,
            "status" => Value::str(if self.pool.closed.load(Ordering::Relaxed) {
                "closed"
            } else {
                "running"
            }),
            _ => return None,
        }))
    }
    fn enter_returns_self(&self) -> bool {
        true
    }
    fn exit(&self, _vm: &mut Vm, _exc: Option<&PyErr>) -> PyResult<bool> {
        close(&self.pool);
        Ok(false)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

#[cfg(test)]
mod tests {
    use super::shape;

    #[test]
    fn pool_shapes_follow_local_cluster() {
        assert_eq!(shape(None, None, false, 8), (1, 8));
        assert_eq!(shape(None, None, true, 2), (2, 1));
        assert_eq!(shape(None, None, true, 12), (4, 3));
        assert_eq!(shape(Some(4), None, false, 2), (4, 1));
        assert_eq!(shape(None, Some(2), true, 8), (4, 2));
        assert_eq!(shape(Some(1), Some(8), true, 2), (1, 8));
    }
}
