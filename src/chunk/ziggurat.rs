//! Standard normal variates by the Ziggurat method (Marsaglia & Tsang 2000,
//! in Doornik's 2005 "ZIGNOR" form with 256 layers), driven by counter-based
//! words so each value depends only on its element's counter.

use super::random::u53_to_f64;
use std::sync::OnceLock;

const LAYERS: usize = 256;
const R: f64 = 3.654_152_885_361_009;
const V: f64 = 0.004_928_673_233_99;

struct Tables {
    x: [f64; LAYERS + 1],
    ratio: [f64; LAYERS],
    /// The density at each layer edge, exp(-x²/2): the wedge test then needs
    /// one `exp` per candidate instead of two.
    f: [f64; LAYERS + 1],
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut x = [0.0; LAYERS + 1];
        let mut f = (-0.5 * R * R).exp();
        x[0] = V / f;
        x[1] = R;
        for i in 2..LAYERS {
            x[i] = (-2.0 * (V / x[i - 1] + f).ln()).sqrt();
            f = (-0.5 * x[i] * x[i]).exp();
        }
        x[LAYERS] = 0.0;
        let mut ratio = [0.0; LAYERS];
        for i in 0..LAYERS {
            ratio[i] = x[i + 1] / x[i];
        }
        let f = x.map(|xi| (-0.5 * xi * xi).exp());
        Tables { x, ratio, f }
    })
}

/// 53 high bits as a float in (0, 1].
#[inline(always)]
fn open_unit(w: u64) -> f64 {
    ((w >> 11) + 1) as f64 * (1.0 / 9_007_199_254_740_992.0)
}

/// The Ziggurat's fast path, without branches (tables looked up once): for a
/// word, the value and whether it is accepted (else [`normal_from`] must
/// redo it with more words). Lets a batch of words vectorise.
pub fn normal_fast_path() -> impl Fn(u64) -> (f64, bool) + Copy + Send + Sync {
    let t = tables();
    move |w| {
        let i = (w & 0xff) as usize;
        let u = 2.0 * (u53_to_f64(w >> 11) * (1.0 / 9_007_199_254_740_992.0)) - 1.0;
        (u * t.x[i], u.abs() < t.ratio[i])
    }
}

/// One standard normal from the 64-bit word `w`; `more` yields further words
/// (only needed in the ~1% of cases that fall outside the fast path).
#[inline(always)]
pub fn normal_from(w: u64, more: impl FnMut() -> u64) -> f64 {
    let t = tables();
    let i = (w & 0xff) as usize;
    let u = 2.0 * (u53_to_f64(w >> 11) * (1.0 / 9_007_199_254_740_992.0)) - 1.0;
    if u.abs() < t.ratio[i] {
        return u * t.x[i];
    }
    slow(w, more)
}

#[cold]
fn slow(first: u64, mut more: impl FnMut() -> u64) -> f64 {
    let t = tables();
    let mut w = first;
    loop {
        let i = (w & 0xff) as usize;
        let u = 2.0 * (u53_to_f64(w >> 11) * (1.0 / 9_007_199_254_740_992.0)) - 1.0;
        if u.abs() < t.ratio[i] {
            return u * t.x[i];
        }
        if i == 0 {
            // the base layer's tail beyond R
            loop {
                let x = open_unit(more()).ln() / R;
                let y = open_unit(more()).ln();
                if -2.0 * y >= x * x {
                    return if u < 0.0 { x - R } else { R - x };
                }
            }
        }
        let x = u * t.x[i];
        // Under the density between the layer's edges: f(x_{i+1}) + U·(f(x_i)
        // − f(x_{i+1})) < f(x), the same test as scaling both sides by e^{x²/2}.
        let (f0, f1) = (t.f[i], t.f[i + 1]);
        if f1 + open_unit(more()) * (f0 - f1) < (-0.5 * x * x).exp() {
            return x;
        }
        w = more();
    }
}
