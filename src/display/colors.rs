//! Colours: a continuous map for execution order and a categorical palette for operations.

/// Anchor colours of the plasma-like map (dark purple → yellow).
const ANCHORS: [(u8, u8, u8); 5] = [
    (0x0d, 0x08, 0x87),
    (0x7e, 0x03, 0xa8),
    (0xcc, 0x47, 0x78),
    (0xf8, 0x95, 0x40),
    (0xf0, 0xf9, 0x21),
];

/// A colour for `t` in 0..=1 on the continuous map, as `#rrggbb`.
pub fn continuous(t: f64) -> String {
    let t = if t.is_finite() {
        t.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let seg = t * (ANCHORS.len() - 1) as f64;
    let i = (seg.floor() as usize).min(ANCHORS.len() - 2);
    let f = seg - i as f64;
    let (a, b) = (ANCHORS[i], ANCHORS[i + 1]);
    let mix = |x: u8, y: u8| (x as f64 + (y as f64 - x as f64) * f).round() as u8;
    format!(
        "#{:02x}{:02x}{:02x}",
        mix(a.0, b.0),
        mix(a.1, b.1),
        mix(a.2, b.2)
    )
}

/// The anchor colours with their offsets, for SVG gradients (legend bars).
pub fn continuous_stops() -> Vec<(f64, String)> {
    (0..ANCHORS.len())
        .map(|i| {
            let t = i as f64 / (ANCHORS.len() - 1) as f64;
            (t, continuous(t))
        })
        .collect()
}

/// Distinct, readable colours for operations (task stream, tables), cycling past the end.
const PALETTE: [&str; 10] = [
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#bab0ac",
];

/// The `i`-th categorical colour.
pub fn categorical(i: usize) -> &'static str {
    PALETTE[i % PALETTE.len()]
}

/// Black or white, whichever reads better on `#rrggbb`.
pub fn text_on(fill: &str) -> &'static str {
    let hex = fill.trim_start_matches('#');
    let c = |k: usize| u8::from_str_radix(hex.get(k..k + 2).unwrap_or("ff"), 16).unwrap_or(255);
    let lum = 0.299 * c(0) as f64 + 0.587 * c(2) as f64 + 0.114 * c(4) as f64;
    if lum < 140.0 {
        "#ffffff"
    } else {
        "#000000"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_ends_and_middle() {
        assert_eq!(continuous(0.0), "#0d0887");
        assert_eq!(continuous(1.0), "#f0f921");
        assert_eq!(continuous(0.5), "#cc4778");
        assert_eq!(continuous(f64::NAN), "#0d0887");
        assert_eq!(continuous_stops().len(), 5);
    }

    #[test]
    fn text_contrast() {
        assert_eq!(text_on("#0d0887"), "#ffffff");
        assert_eq!(text_on("#f0f921"), "#000000");
        assert_eq!(categorical(12), categorical(2));
    }
}
