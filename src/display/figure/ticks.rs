//! Tick positions on "nice" numbers (1, 2, 2.5, 5 × 10ᵏ) and their labels.

/// About `target` ticks covering `[lo, hi]`, on multiples of a nice step.
pub fn nice_ticks(lo: f64, hi: f64, target: usize) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo {
        return if lo.is_finite() { vec![lo] } else { Vec::new() };
    }
    let raw = (hi - lo) / target.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    (first..=last).map(|i| i as f64 * step).collect()
}

/// A tick label: integers without decimals, others with as few digits as the step needs.
pub fn label(v: f64, step: f64) -> String {
    let v = if v.abs() < step * 1e-9 { 0.0 } else { v };
    if step >= 1.0 && v.fract() == 0.0 && v.abs() < 1e15 {
        return format!("{}", v as i64);
    }
    if v != 0.0 && (v.abs() >= 1e6 || v.abs() < 1e-4) {
        return format!("{v:.1e}");
    }
    let decimals = (-step.log10().floor()).max(0.0) as usize
        + usize::from(step / 10f64.powf(step.log10().floor()) == 2.5);
    format!("{v:.decimals$}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_nice_and_inside() {
        assert_eq!(
            nice_ticks(0.0, 10.0, 5),
            vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]
        );
        assert_eq!(nice_ticks(-0.5, 49.5, 5), vec![0.0, 10.0, 20.0, 30.0, 40.0]);
        let t = nice_ticks(0.013, 0.087, 4);
        assert!(
            t.iter().all(|v| (0.013..=0.087).contains(v)) && t.len() >= 3,
            "{t:?}"
        );
        assert_eq!(label(20.0, 10.0), "20");
        assert_eq!(label(0.25, 0.25), "0.25");
        assert_eq!(label(0.4, 0.2), "0.4");
        assert_eq!(nice_ticks(3.0, 3.0, 5), vec![3.0]);
    }
}
