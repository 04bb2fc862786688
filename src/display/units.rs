//! Human-readable numbers: byte sizes, thousands separators and durations, worded the way
//! Dask users already read them in reprs and progress bars.

/// Binary prefixes from largest to smallest with their sizes (lower-case `ki`, as Dask prints).
const PREFIXES: [(&str, u64); 5] = [
    ("Pi", 1 << 50),
    ("Ti", 1 << 40),
    ("Gi", 1 << 30),
    ("Mi", 1 << 20),
    ("ki", 1 << 10),
];

/// A byte count as Dask's reprs show it: two decimals with a binary prefix, switching to the
/// next prefix at 0.9 of it (`921.60 kiB` → `0.90 MiB` happens at 943,718 bytes), and plain
/// `N B` below 0.9 kiB. Examples: `7.63 MiB`, `1.21 kiB`, `800 B`.
pub fn format_bytes(n: u64) -> String {
    for (prefix, k) in PREFIXES {
        if n as f64 >= k as f64 * 0.9 {
            return format!("{:.2} {prefix}B", n as f64 / k as f64);
        }
    }
    format!("{n} B")
}

/// Like [`format_bytes`] but for a size that may be unknown (unknown chunk sizes): `unknown`.
pub fn format_bytes_opt(n: Option<u64>) -> String {
    n.map_or_else(|| "unknown".to_string(), format_bytes)
}

/// An integer with `,` thousands separators (`1234567` → `1,234,567`) for task counts.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A duration in seconds the way Dask's diagnostics word it: `123.45 us`, `1.23 ms`,
/// `1.00 s`, then `20m 34s`, `3hr 25m`, `14d 6hr` for long runs.
pub fn format_time(secs: f64) -> String {
    let secs = if secs.is_finite() { secs.max(0.0) } else { 0.0 };
    if secs > 2.0 * 24.0 * 3600.0 {
        let d = (secs / 86_400.0) as u64;
        let h = ((secs - d as f64 * 86_400.0) / 3600.0) as u64;
        return format!("{d}d {h}hr");
    }
    if secs > 2.0 * 3600.0 {
        let h = (secs / 3600.0) as u64;
        let m = ((secs - h as f64 * 3600.0) / 60.0) as u64;
        return format!("{h}hr {m}m");
    }
    if secs > 600.0 {
        let m = (secs / 60.0) as u64;
        let s = (secs - m as f64 * 60.0) as u64;
        return format!("{m}m {s}s");
    }
    if secs >= 1.0 {
        return format!("{secs:.2} s");
    }
    if secs >= 1e-3 {
        return format!("{:.2} ms", secs * 1e3);
    }
    format!("{:.2} us", secs * 1e6)
}

/// A length or index that may be unknown, as Python prints it in a shape tuple (`nan`).
pub fn dim(n: Option<usize>) -> String {
    n.map_or_else(|| "nan".to_string(), |v| v.to_string())
}

/// A Python tuple repr of dimensions: `(1000, 1000)`, `(5,)`, `()`, `(nan, 3)`.
pub fn shape_tuple(dims: &[Option<usize>]) -> String {
    match dims {
        [] => "()".to_string(),
        [one] => format!("({},)", dim(*one)),
        _ => {
            let parts: Vec<String> = dims.iter().map(|d| dim(*d)).collect();
            format!("({})", parts.join(", "))
        }
    }
}

/// Dask's `maybe_pluralize`: `1 graph layer`, `3 graph layers`.
pub fn pluralize(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("{count} {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_follow_dask_rounding() {
        assert_eq!(format_bytes(0), "0 B");
        assert_eq!(format_bytes(1), "1 B");
        assert_eq!(format_bytes(800), "800 B");
        assert_eq!(format_bytes(921), "921 B");
        // 0.9 kiB = 921.6 bytes: 922 switches to kiB.
        assert_eq!(format_bytes(922), "0.90 kiB");
        assert_eq!(format_bytes(1024), "1.00 kiB");
        assert_eq!(format_bytes(1240), "1.21 kiB");
        assert_eq!(format_bytes(8_000_000), "7.63 MiB");
        assert_eq!(format_bytes(200_000_000), "190.73 MiB");
        assert_eq!(format_bytes(5000 * 5000 * 8), "190.73 MiB");
        assert_eq!(format_bytes(1 << 30), "1.00 GiB");
        assert_eq!(format_bytes(1 << 50), "1.00 PiB");
        assert_eq!(format_bytes(u64::MAX), "16384.00 PiB");
        assert_eq!(format_bytes_opt(None), "unknown");
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(100_000), "100,000");
    }

    #[test]
    fn times_follow_dask_wording() {
        assert_eq!(format_time(1.0), "1.00 s");
        assert_eq!(format_time(0.001234), "1.23 ms");
        assert_eq!(format_time(0.00012345), "123.45 us");
        assert_eq!(format_time(123.456), "123.46 s");
        assert_eq!(format_time(1234.567), "20m 34s");
        assert_eq!(format_time(12345.67), "3hr 25m");
        assert_eq!(format_time(1234567.89), "14d 6hr");
        assert_eq!(format_time(f64::NAN), "0.00 us");
    }

    #[test]
    fn tuples_and_plurals() {
        assert_eq!(shape_tuple(&[]), "()");
        assert_eq!(shape_tuple(&[Some(5)]), "(5,)");
        assert_eq!(shape_tuple(&[None, Some(3)]), "(nan, 3)");
        assert_eq!(pluralize(1, "graph layer"), "1 graph layer");
        assert_eq!(pluralize(3, "graph layer"), "3 graph layers");
    }
}
