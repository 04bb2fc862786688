//! Cached rayon pools, one per worker count, so a compute never pays for
//! spawning threads after the first one with that `num_workers`.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use parking_lot::Mutex;
use rayon::ThreadPool;

use super::error::SchedError;

static POOLS: OnceLock<Mutex<HashMap<usize, Arc<ThreadPool>>>> = OnceLock::new();

/// Number of workers used when none (0) is asked for: the machine's parallelism.
pub fn default_workers() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// The shared pool with `num_workers` threads (0 = [`default_workers`]).
pub fn pool(num_workers: usize) -> Result<Arc<ThreadPool>, SchedError> {
    let n = if num_workers == 0 {
        default_workers()
    } else {
        num_workers
    };
    let mut pools = POOLS.get_or_init(Default::default).lock();
    if let Some(p) = pools.get(&n) {
        return Ok(p.clone());
    }
    let p = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(move |i| format!("tessera-{n}w-{i}"))
        .build()
        .map_err(|e| SchedError::Pool(e.to_string()))?;
    let p = Arc::new(p);
    pools.insert(n, p.clone());
    Ok(p)
}
