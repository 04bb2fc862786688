//! `%timeit -o` returns this: IPython's `TimeitResult`, so notebooks can keep
//! timings (`r.best`, `r.all_runs`) and compare chunk sizes programmatically.

use super::timing::TimeitStats;
use crate::lang::eval::Vm;
use crate::lang::exc::PyResult;
use crate::lang::{Object, Value};

/// The figures of one `%timeit` run as a dialect value.
pub struct TimeitResult(pub TimeitStats);

const ATTRS: &[&str] = &[
    "all_runs",
    "average",
    "best",
    "compile_time",
    "loops",
    "repeat",
    "stdev",
    "timings",
    "worst",
];

impl Object for TimeitResult {
    fn type_name(&self) -> String {
        "TimeitResult".into()
    }

    fn repr(&self) -> String {
        format!("<TimeitResult : {}>", self.0.summary())
    }

    fn getattr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        let s = &self.0;
        let floats = |v: Vec<f64>| Value::list(v.into_iter().map(Value::Float).collect());
        Some(Ok(match name {
            "best" => Value::Float(s.best()),
            "worst" => Value::Float(s.worst()),
            "average" => Value::Float(s.average()),
            "stdev" => Value::Float(s.stdev()),
            "loops" => Value::Int(s.loops as i64),
            "repeat" => Value::Int(s.repeat as i64),
            // IPython: `all_runs` are whole-run times, `timings` per-loop times.
            "all_runs" => floats(s.timings.iter().map(|t| t * s.loops as f64).collect()),
            "timings" => floats(s.timings.clone()),
            "compile_time" => Value::Float(s.compile_time),
            _ => return None,
        }))
    }

    fn dir(&self) -> Vec<String> {
        ATTRS.iter().map(|s| s.to_string()).collect()
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
