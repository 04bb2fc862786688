//! IPython's time formatting (`_format_time`) and C's `%g`, so timing output
//! reads exactly like IPython's.

/// Format `x` like C's `printf("%.*g", precision, x)`.
pub fn format_g(x: f64, precision: usize) -> String {
    if x == 0.0 {
        return "0".into();
    }
    if !x.is_finite() {
        return if x.is_nan() {
            "nan".into()
        } else if x > 0.0 {
            "inf".into()
        } else {
            "-inf".into()
        };
    }
    let p = precision.max(1);
    // Exponent after rounding to p significant digits.
    let sci = format!("{:.*e}", p - 1, x);
    let (mantissa, exp) = sci.split_once('e').expect("scientific format");
    let exp: i32 = exp.parse().expect("exponent");
    if exp < -4 || exp >= p as i32 {
        let m = trim_zeros(mantissa);
        format!("{m}e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs())
    } else {
        let decimals = (p as i32 - 1 - exp).max(0) as usize;
        trim_zeros(&format!("{x:.decimals$}")).to_string()
    }
}

fn trim_zeros(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

/// A duration in seconds the way IPython's `%timeit`/`%time` print it.
pub fn format_time(t: f64, precision: usize) -> String {
    if t >= 60.0 {
        let parts = [("d", 86400.0), ("h", 3600.0), ("min", 60.0), ("s", 1.0)];
        let mut left = t;
        let mut out = Vec::new();
        for (suffix, len) in parts {
            let v = (left / len).floor();
            if v > 0.0 {
                left %= len;
                out.push(format!("{v}{suffix}"));
            }
            if left < 1.0 {
                break;
            }
        }
        return out.join(" ");
    }
    const UNITS: [&str; 4] = ["s", "ms", "\u{3bc}s", "ns"];
    const SCALE: [f64; 4] = [1.0, 1e3, 1e6, 1e9];
    let order = if t > 0.0 {
        let o = -(t.log10().floor() as i64).div_euclid(3);
        o.clamp(0, 3) as usize
    } else {
        3
    };
    format!("{} {}", format_g(t * SCALE[order], precision), UNITS[order])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn g_format_matches_c() {
        // Expected values from Python's "%.3g" % x.
        assert_eq!(format_g(16.4999, 3), "16.5");
        assert_eq!(format_g(1.0, 3), "1");
        assert_eq!(format_g(999.7, 3), "1e+03");
        assert_eq!(format_g(0.000012345, 3), "1.23e-05");
        assert_eq!(format_g(123456.0, 3), "1.23e+05");
        assert_eq!(format_g(0.5, 3), "0.5");
        assert_eq!(format_g(199.0, 3), "199");
        assert_eq!(format_g(5.7, 3), "5.7");
    }

    #[test]
    fn time_format_matches_ipython() {
        // Expected values from IPython.core.magics.execution._format_time.
        assert_eq!(format_time(0.199, 3), "199 ms");
        assert_eq!(format_time(900e-9, 3), "900 ns");
        assert_eq!(format_time(16.5e-6, 3), "16.5 \u{3bc}s");
        assert_eq!(format_time(1.27e-6, 3), "1.27 \u{3bc}s");
        assert_eq!(format_time(0.0, 3), "0 ns");
        assert_eq!(format_time(2.5, 3), "2.5 s");
        assert_eq!(format_time(1e-12, 3), "0.001 ns");
        assert_eq!(format_time(93784.0, 3), "1d 2h 3min 4s");
        assert_eq!(format_time(60.0, 3), "1min");
        assert_eq!(format_time(61.5, 3), "1min 1s");
    }
}
