//! Colormaps for `imshow`: perceptual maps from ten published anchor colours each,
//! linearly interpolated; `_r` reverses any of them.

/// Anchor colours (evenly spaced from 0 to 1) of the maps Tessera knows.
const MAPS: &[(&str, &[u32])] = &[
    (
        "viridis",
        &[
            0x440154, 0x482777, 0x3e4989, 0x31688e, 0x26828e, 0x1f9e89, 0x35b779, 0x6ece58,
            0xb5de2b, 0xfde725,
        ],
    ),
    (
        "magma",
        &[
            0x000004, 0x180f3d, 0x440f76, 0x721f81, 0x9e2f7f, 0xcd4071, 0xf1605d, 0xfd9668,
            0xfeca8d, 0xfcfdbf,
        ],
    ),
    (
        "inferno",
        &[
            0x000004, 0x1b0c41, 0x4a0c6b, 0x781c6d, 0xa52c60, 0xcf4446, 0xed6925, 0xfb9b06,
            0xf7d13d, 0xfcffa4,
        ],
    ),
    (
        "plasma",
        &[
            0x0d0887, 0x46039f, 0x7201a8, 0x9c179e, 0xbd3786, 0xd8576b, 0xed7953, 0xfb9f3a,
            0xfdca26, 0xf0f921,
        ],
    ),
    ("gray", &[0x000000, 0xffffff]),
    ("Greys", &[0xffffff, 0x000000]),
    (
        "RdBu",
        &[
            0x67001f, 0xb2182b, 0xd6604d, 0xf4a582, 0xfddbc7, 0xf7f7f7, 0xd1e5f0, 0x92c5de,
            0x4393c3, 0x2166ac, 0x053061,
        ],
    ),
    (
        "coolwarm",
        &[
            0x3b4cc0, 0x6788ee, 0x9abbff, 0xc9d7f0, 0xedd1c2, 0xf7a889, 0xe26952, 0xb40426,
        ],
    ),
    (
        "Blues",
        &[
            0xf7fbff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6, 0x2171b5, 0x08519c,
            0x08306b,
        ],
    ),
];

/// A colormap by matplotlib name.
#[derive(Clone, Debug, PartialEq)]
pub struct Colormap {
    name: String,
    stops: Vec<[f64; 3]>,
}

/// Names `Colormap::named` accepts (each also with `_r`).
pub fn names() -> Vec<&'static str> {
    MAPS.iter().map(|(n, _)| *n).collect()
}

impl Colormap {
    /// `viridis`, `RdBu_r`, `gray`, …; `None` for unknown names.
    pub fn named(name: &str) -> Option<Colormap> {
        let (base, rev) = match name.strip_suffix("_r") {
            Some(b) => (b, true),
            None => (name, false),
        };
        let (_, anchors) = MAPS.iter().find(|(n, _)| *n == base)?;
        let mut stops: Vec<[f64; 3]> = anchors
            .iter()
            .map(|c| {
                [
                    (c >> 16 & 0xff) as f64,
                    (c >> 8 & 0xff) as f64,
                    (c & 0xff) as f64,
                ]
            })
            .collect();
        if rev {
            stops.reverse();
        }
        Some(Colormap {
            name: name.to_string(),
            stops,
        })
    }

    /// The map's name as given.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// RGB for `t` in 0..=1 (clamped).
    pub fn rgb(&self, t: f64) -> [u8; 3] {
        let t = if t.is_nan() { 0.0 } else { t.clamp(0.0, 1.0) };
        let x = t * (self.stops.len() - 1) as f64;
        let i = (x.floor() as usize).min(self.stops.len() - 2);
        let f = x - i as f64;
        let (a, b) = (self.stops[i], self.stops[i + 1]);
        let mix = |k: usize| (a[k] + (b[k] - a[k]) * f).round() as u8;
        [mix(0), mix(1), mix(2)]
    }

    /// `#rrggbb` for `t`.
    pub fn hex(&self, t: f64) -> String {
        let [r, g, b] = self.rgb(t);
        format!("#{r:02x}{g:02x}{b:02x}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_and_reversal() {
        let v = Colormap::named("viridis").unwrap();
        assert_eq!(v.hex(0.0), "#440154");
        assert_eq!(v.hex(1.0), "#fde725");
        assert_eq!(v.hex(2.0), "#fde725");
        let r = Colormap::named("RdBu_r").unwrap();
        assert_eq!(r.hex(0.0), "#053061");
        assert_eq!(r.hex(0.5), "#f7f7f7");
        assert_eq!(Colormap::named("gray").unwrap().hex(0.5), "#808080");
        assert!(Colormap::named("jet-ish").is_none());
    }
}
