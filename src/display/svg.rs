//! Small SVG string-building helpers: number formatting and element writers.
//! Every text and attribute value goes through [`crate::display::html::escape`].

use crate::display::html::escape;
use std::fmt::Write as _;

/// Round a coordinate to 1 decimal and print it without trailing zeros (small output).
pub fn num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// The `<svg>` header with a width, height and matching viewBox.
pub fn open(out: &mut String, width: f64, height: f64) {
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">",
        w = num(width),
        h = num(height)
    );
}

/// A straight line with a stroke width and an optional dash pattern.
pub fn line(out: &mut String, a: (f64, f64), b: (f64, f64), width: f64, dash: bool) {
    let _ = write!(
        out,
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke-width=\"{}\"{} />",
        num(a.0),
        num(a.1),
        num(b.0),
        num(b.1),
        num(width),
        if dash {
            " stroke-dasharray=\"4,3\""
        } else {
            ""
        }
    );
}

/// A thin straight line in a given colour (axes and ticks).
pub fn line_colored(out: &mut String, a: (f64, f64), b: (f64, f64), colour: &str) {
    let _ = write!(
        out,
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"1\" />",
        num(a.0),
        num(a.1),
        num(b.0),
        num(b.1),
        escape(colour)
    );
}

/// A closed polygon filled with `fill` at `opacity`, no stroke.
pub fn polygon(out: &mut String, pts: &[(f64, f64)], fill: &str, opacity: f64) {
    let p: Vec<String> = pts
        .iter()
        .map(|(x, y)| format!("{},{}", num(*x), num(*y)))
        .collect();
    let _ = write!(
        out,
        "<polygon points=\"{}\" style=\"fill:{};fill-opacity:{};stroke-width:0\" />",
        p.join(" "),
        escape(fill),
        num(opacity * 100.0).parse::<f64>().unwrap_or(100.0) / 100.0
    );
}

/// Horizontal alignment of a text label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// Left edge at x.
    Start,
    /// Centred on x.
    Middle,
    /// Right edge at x.
    End,
}

impl Anchor {
    fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// A text label (escaped) at (x, y), rotated by `rotate` degrees about its anchor point.
pub fn text(out: &mut String, at: (f64, f64), s: &str, size_px: f64, anchor: Anchor, rotate: f64) {
    let _ = write!(
        out,
        "<text x=\"{x}\" y=\"{y}\" stroke=\"none\" font-size=\"{}px\" text-anchor=\"{}\" dominant-baseline=\"middle\"",
        num(size_px),
        anchor.as_str(),
        x = num(at.0),
        y = num(at.1)
    );
    if rotate != 0.0 {
        let _ = write!(
            out,
            " transform=\"rotate({},{},{})\"",
            num(rotate),
            num(at.0),
            num(at.1)
        );
    }
    let _ = write!(out, ">{}</text>", escape(s));
}

/// Rough width of `s` in pixels at `size_px` (for sizing canvases around labels).
pub fn text_width(s: &str, size_px: f64) -> f64 {
    s.chars().count() as f64 * size_px * 0.58
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::display::xmlcheck::assert_well_formed;

    #[test]
    fn numbers_are_compact() {
        assert_eq!(num(10.0), "10");
        assert_eq!(num(10.04), "10");
        assert_eq!(num(10.25), "10.3");
        assert_eq!(num(-3.5), "-3.5");
    }

    #[test]
    fn elements_are_well_formed_and_escaped() {
        let mut s = String::new();
        open(&mut s, 100.0, 50.0);
        line(&mut s, (0.0, 0.0), (10.0, 10.0), 1.0, true);
        polygon(
            &mut s,
            &[(0.0, 0.0), (1.0, 0.0), (1.0, 1.0)],
            "#ECB172",
            0.63,
        );
        text(&mut s, (5.0, 5.0), "<x>", 12.0, Anchor::Middle, -90.0);
        s.push_str("</svg>");
        assert!(s.contains("&lt;x&gt;"));
        assert!(s.contains("rotate(-90,5,5)"));
        assert!(s.contains("fill-opacity:0.63"));
        assert_well_formed(&s);
    }
}
