//! The memory guard's numbers: physical RAM, the configured limit
//! (`dask.config.set({'array.memory-limit': '4GB'})` or `TESSERA_MEMORY_LIMIT`),
//! and the check made before a compute allocates its result.

use super::config;
use crate::display::units::format_bytes;
use crate::lang::exc::{self, PyResult};
use crate::lang::value::Value;

/// Physical memory in bytes (from /proc/meminfo; 8 GiB when unknown).
pub fn physical_memory() -> u64 {
    std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("MemTotal:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<u64>().ok())
        })
        .map_or(8 << 30, |kb| kb * 1024)
}

/// Parse a size like Dask does: an int of bytes, or `"4GB"`, `"500 MiB"`, `"1.5e9"`.
pub fn parse_size(s: &str) -> Option<u64> {
    let t = s.trim();
    if let Ok(n) = t.parse::<f64>() {
        return (n >= 0.0 && n.is_finite()).then_some(n as u64);
    }
    let split = t.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: f64 = num.trim().parse().ok()?;
    let mult: f64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1.0,
        "kb" | "k" => 1e3,
        "mb" | "m" => 1e6,
        "gb" | "g" => 1e9,
        "tb" | "t" => 1e12,
        "kib" => 1024.0,
        "mib" => 1024.0 * 1024.0,
        "gib" => 1024.0 * 1024.0 * 1024.0,
        "tib" => 1024.0f64.powi(4),
        _ => return None,
    };
    (n >= 0.0 && n.is_finite()).then_some((n * mult) as u64)
}

/// A limit setting as bytes (`None`/`False` turn the guard off).
pub fn limit_value(v: &Value) -> PyResult<Option<u64>> {
    match v {
        Value::None | Value::Bool(false) => Ok(None),
        Value::Int(n) if *n > 0 => Ok(Some(*n as u64)),
        Value::Float(f) if *f > 0.0 => Ok(Some(*f as u64)),
        Value::Str(s) => parse_size(s).map(Some).ok_or_else(|| {
            exc::value_error(format!(
                "could not read memory limit {s:?}: use bytes or a size like '4GB' or '500MiB'"
            ))
        }),
        other => Err(exc::value_error(format!(
            "memory limit must be a size like '4GB', got {}",
            crate::lang::repr::repr_simple(other)
        ))),
    }
}

/// The limit in force: config, else `TESSERA_MEMORY_LIMIT`, else 3/4 of physical RAM.
pub fn limit() -> Option<u64> {
    if let Some(v) = config::get("array.memory-limit") {
        return limit_value(&v).ok().flatten();
    }
    if let Ok(s) = std::env::var("TESSERA_MEMORY_LIMIT") {
        return parse_size(&s);
    }
    Some(physical_memory() / 4 * 3)
}

/// Refuse a compute whose result alone would exceed the limit, before anything is allocated.
pub fn check_result_bytes(bytes: u128, what: &str) -> PyResult<()> {
    let Some(limit) = limit() else {
        return Ok(());
    };
    if bytes <= limit as u128 {
        return Ok(());
    }
    let size = if bytes > u64::MAX as u128 {
        format!("{bytes} bytes")
    } else {
        format_bytes(bytes as u64)
    };
    Err(exc::new(
        "MemoryError",
        format!(
            "computing {what} would need {size} for the result alone, above the memory limit of {}. \
             Reduce it first (e.g. .sum() or .mean(axis=0)), compute a slice (x[:1000]), or write it \
             to disk with to_zarr; the limit is dask.config.set({{'array.memory-limit': '...'}}).",
            format_bytes(limit)
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_like_dask() {
        assert_eq!(parse_size("4GB"), Some(4_000_000_000));
        assert_eq!(parse_size("500 MiB"), Some(500 << 20));
        assert_eq!(parse_size("1.5e3"), Some(1500));
        assert_eq!(parse_size("12 parsecs"), None);
        assert!(physical_memory() > 1 << 20);
    }

    #[test]
    fn guard_refuses_with_a_hint_and_obeys_config() {
        let _g = config::test_lock();
        let saved = config::set_many(vec![("array.memory-limit".into(), Value::str("1MB"))]);
        let err = check_result_bytes(8_000_000, "an array").unwrap_err();
        assert_eq!(err.name(), "MemoryError");
        assert!(
            err.message().contains("7.63 MiB") && err.message().contains("to_zarr"),
            "{}",
            err.message()
        );
        assert!(check_result_bytes(999_999, "x").is_ok());
        config::restore(&saved);
        let off = config::set_many(vec![("array.memory-limit".into(), Value::None)]);
        assert!(check_result_bytes(u128::MAX, "x").is_ok());
        config::restore(&off);
    }
}
