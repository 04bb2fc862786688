//! `time`: interruptible sleep, wall clock and a monotonic performance counter.

use super::new_module;
use crate::lang::builtins::to_f64;
use crate::lang::exc;
use crate::lang::value::Value;
use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

fn epoch() -> Instant {
    static E: OnceLock<Instant> = OnceLock::new();
    *E.get_or_init(Instant::now)
}

pub(super) fn build() -> Value {
    let m = new_module("time", "Time access and conversions.");
    m.func(
        "sleep",
        "sleep(seconds)",
        "Delay execution for a given number of seconds. Interruptible.",
        |vm, a| {
            a.exact("sleep", 1)?;
            let s = to_f64(&a.pos[0])?;
            if s < 0.0 || s.is_nan() {
                return Err(exc::value_error("sleep length must be non-negative"));
            }
            if !vm.ctx.cancel.sleep(Duration::from_secs_f64(s.min(1e9))) {
                return Err(exc::interrupt());
            }
            Ok(Value::None)
        },
    );
    m.func(
        "time",
        "time()",
        "Return the current time in seconds since the Epoch.",
        |_vm, _a| {
            let d = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap_or_default();
            Ok(Value::Float(d.as_secs_f64()))
        },
    );
    m.func(
        "perf_counter",
        "perf_counter()",
        "Performance counter for benchmarking.",
        |_vm, _a| Ok(Value::Float(epoch().elapsed().as_secs_f64())),
    );
    m.func(
        "monotonic",
        "monotonic()",
        "Monotonic clock, cannot go backward.",
        |_vm, _a| Ok(Value::Float(epoch().elapsed().as_secs_f64())),
    );
    m.func(
        "time_ns",
        "time_ns()",
        "Return the current time in nanoseconds since the Epoch.",
        |_vm, _a| {
            let d = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap_or_default();
            Ok(Value::Int(d.as_nanos() as i64))
        },
    );
    m.func(
        "perf_counter_ns",
        "perf_counter_ns()",
        "Performance counter in nanoseconds.",
        |_vm, _a| Ok(Value::Int(epoch().elapsed().as_nanos() as i64)),
    );
    Value::Module(m)
}
