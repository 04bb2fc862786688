//! `np.random.default_rng(seed)` / `da.random.default_rng(seed)`: a Generator
//! whose every call draws a fresh stream of the counter-based generator, so
//! results are reproducible from the seed and independent of chunking.
//! `RandomState(seed)` (the legacy API older tutorials use) is the same object
//! with NumPy's legacy method names (`randint`, `random_sample`).

use super::convert::{self, chunks, shape};
use super::methods::bound;
use super::objects::ArrayObj;
use super::run;
use crate::array::{self, creation::Distribution, ChunkSpec};
use crate::lang::builtins::{to_f64, to_int};
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::value::{Object, Value};
use crate::sched::Scheduler;
use std::any::Any;
use std::sync::atomic::{AtomicU64, Ordering};

/// A seeded generator; `lazy` decides whether draws are dask or numpy arrays.
pub struct Generator {
    seed: u64,
    calls: AtomicU64,
    lazy: bool,
    /// A `RandomState` (legacy method names) rather than a `Generator`.
    legacy: bool,
}

impl Generator {
    /// A generator from `seed=` (fresh entropy when `None`).
    pub fn value(seed: Option<u64>, lazy: bool) -> Value {
        Self::make(seed, lazy, false)
    }

    fn make(seed: Option<u64>, lazy: bool, legacy: bool) -> Value {
        Value::object(Generator {
            seed: seed.unwrap_or_else(super::numpy::next_seed),
            calls: AtomicU64::new(0),
            lazy,
            legacy,
        })
    }

    fn methods(&self) -> &'static [&'static str] {
        if self.legacy {
            LEGACY_METHODS
        } else {
            METHODS
        }
    }

    /// The seed of the next draw: one stream per call.
    fn next(&self) -> u64 {
        let n = self.calls.fetch_add(1, Ordering::Relaxed);
        self.seed ^ n.wrapping_add(1).wrapping_mul(0xD1B5_4A32_D192_ED03)
    }
}

fn float_arg(a: &mut Args, i: usize, name: &str, default: f64) -> PyResult<f64> {
    a.arg(i, name)
        .map(|v| to_f64(&v))
        .transpose()
        .map(|v| v.unwrap_or(default))
}

/// Parse a method's parameters: the distribution and where `size` sits.
fn distribution(method: &str, a: &mut Args) -> PyResult<(Distribution, usize)> {
    Ok(match method {
        "random" | "random_sample" => (Distribution::Random, 0),
        "standard_normal" => (Distribution::Normal(0.0, 1.0), 0),
        "normal" => (
            Distribution::Normal(float_arg(a, 0, "loc", 0.0)?, float_arg(a, 1, "scale", 1.0)?),
            2,
        ),
        "uniform" => (
            Distribution::Uniform(float_arg(a, 0, "low", 0.0)?, float_arg(a, 1, "high", 1.0)?),
            2,
        ),
        "integers" | "randint" => {
            let lo = to_int(
                &a.arg(0, "low").ok_or_else(|| {
                    exc::type_error(format!("{method}() missing required argument 'low'"))
                })?,
                "",
            )?;
            let hi = match a.arg(1, "high") {
                None | Some(Value::None) => None,
                Some(h) => Some(to_int(&h, "")?),
            };
            let endpoint = matches!(a.take_kw("endpoint"), Some(Value::Bool(true)));
            let (lo, hi) = match hi {
                None => (0, lo),
                Some(h) => (lo, h),
            };
            let hi = if endpoint { hi + 1 } else { hi };
            if lo >= hi {
                return Err(exc::value_error("high <= low"));
            }
            (Distribution::RandInt(lo, hi), 2)
        }
        other => {
            return Err(exc::new(
                "AttributeError",
                format!("object has no attribute '{other}'"),
            ))
        }
    })
}

const METHODS: &[&str] = &["integers", "normal", "random", "standard_normal", "uniform"];
const LEGACY_METHODS: &[&str] = &[
    "normal",
    "randint",
    "random",
    "random_sample",
    "standard_normal",
    "uniform",
];

impl Object for Generator {
    fn type_name(&self) -> String {
        if self.legacy {
            "RandomState"
        } else {
            "Generator"
        }
        .into()
    }
    fn repr(&self) -> String {
        let kind = self.type_name();
        if self.lazy {
            format!("{kind}(Counter) (dask.array)")
        } else {
            format!("{kind}(Counter)")
        }
    }
    fn getattr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        if !self.methods().contains(&name) {
            return None;
        }
        let (seed, lazy, method) = (self.next(), self.lazy, name.to_string());
        Some(Ok(bound(
            name,
            &format!("{name}(..., size=None)"),
            "Draw samples.",
            move |vm, mut a| draw(vm, &method, seed, lazy, &mut a),
        )))
    }
    fn dir(&self) -> Vec<String> {
        self.methods().iter().map(|s| s.to_string()).collect()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn draw(vm: &mut Vm, method: &str, seed: u64, lazy: bool, a: &mut Args) -> PyResult<Value> {
    let (dist, nparams) = distribution(method, a)?;
    let sh = match a.arg(nparams, "size") {
        None | Some(Value::None) => Vec::new(),
        Some(v) => shape(&v)?,
    };
    let spec = if lazy {
        chunks(a.take_kw("chunks").as_ref(), sh.len())?
    } else {
        ChunkSpec::Full
    };
    let _ = a.take_kw("dtype");
    let x = array::creation::random(dist, seed, &sh, &spec).map_err(convert::array_error)?;
    if lazy {
        Ok(ArrayObj::value(x))
    } else {
        run::compute(vm, &[x], Scheduler::Sync).map(|mut v| v.remove(0))
    }
}

/// `default_rng(seed=None)` for `np.random` (eager) or `da.random` (lazy).
pub fn default_rng(a: &mut Args, lazy: bool) -> PyResult<Value> {
    Ok(Generator::value(seed_arg(a)?, lazy))
}

/// The optional `seed` argument (None: fresh entropy).
fn seed_arg(a: &mut Args) -> PyResult<Option<u64>> {
    match a.arg(0, "seed") {
        None | Some(Value::None) => Ok(None),
        Some(v) => Ok(Some(to_int(&v, "")? as u64)),
    }
}

/// `RandomState(seed=None)`: the legacy seeded API (`randint`,
/// `random_sample`, `normal`, ...) over the same counter-based streams.
pub fn random_state(a: &mut Args, lazy: bool) -> PyResult<Value> {
    Ok(Generator::make(seed_arg(a)?, lazy, true))
}
