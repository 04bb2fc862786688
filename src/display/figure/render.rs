//! Figure → SVG: a grid of axes, each with a frame, nice ticks, its artists
//! clipped to the plotting box, an optional legend and colorbar.

use super::colormap::Colormap;
use super::image::png_base64;
use super::ticks::{label, nice_ticks};
use super::{Artist, Axes, Figure, LineStyle};
use crate::display::html::escape;
use crate::display::svg::{self, num, Anchor};
use std::fmt::Write as _;

/// Pixels per inch of figsize (matplotlib's inline figures are 72–100 dpi).
const DPI: f64 = 80.0;

struct Box {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
}

fn range_of(vals: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in vals.filter(|v| v.is_finite()) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    lo.is_finite().then_some((lo, hi))
}

fn pad((lo, hi): (f64, f64)) -> (f64, f64) {
    if hi > lo {
        let p = (hi - lo) * 0.05;
        (lo - p, hi + p)
    } else {
        (lo - 0.5, hi + 0.5)
    }
}

/// Data ranges: images fill their pixel edges; everything else gets a 5 % margin.
fn limits(ax: &Axes) -> ((f64, f64), (f64, f64), bool) {
    let mut image = None;
    let (mut xs, mut ys) = (Vec::new(), Vec::new());
    for a in &ax.artists {
        match a {
            Artist::Image { rows, cols, .. } => image = Some((*rows, *cols)),
            Artist::Line { xs: x, ys: y, .. } | Artist::Scatter { xs: x, ys: y, .. } => {
                xs.extend_from_slice(x);
                ys.extend_from_slice(y);
            }
            Artist::Bars { edges, counts, .. } => {
                xs.extend_from_slice(edges);
                ys.extend_from_slice(counts);
                ys.push(0.0);
            }
        }
    }
    let (mut xr, mut yr, flip) = match image {
        Some((r, c)) if xs.is_empty() => ((-0.5, c as f64 - 0.5), (-0.5, r as f64 - 0.5), true),
        _ => (
            pad(range_of(xs.into_iter()).unwrap_or((0.0, 1.0))),
            pad(range_of(ys.into_iter()).unwrap_or((0.0, 1.0))),
            false,
        ),
    };
    if let Some(l) = ax.xlim {
        xr = l;
    }
    if let Some(l) = ax.ylim {
        yr = l;
    }
    (xr, yr, flip)
}

fn path_of(pts: &[(f64, f64)]) -> String {
    let mut d = String::new();
    let mut pen_down = false;
    for &(x, y) in pts {
        if !(x.is_finite() && y.is_finite()) {
            pen_down = false;
            continue;
        }
        let _ = write!(
            d,
            "{}{},{} ",
            if pen_down { "L" } else { "M" },
            num(x),
            num(y)
        );
        pen_down = true;
    }
    d
}

fn draw_axes(out: &mut String, ax: &Axes, cell: &Box, id: usize) {
    let cbar = if ax.colorbar { 64.0 } else { 0.0 };
    let left = if ax.axis_off { 8.0 } else { 52.0 };
    let bottom = if ax.axis_off { 8.0 } else { 40.0 };
    let top = if ax.title.is_empty() { 10.0 } else { 26.0 };
    let mut b = Box {
        x: cell.x + left,
        y: cell.y + top,
        w: (cell.w - left - 14.0 - cbar).max(10.0),
        h: (cell.h - top - bottom).max(10.0),
    };
    let ((x0, x1), (y0, y1), flip) = limits(ax);
    if flip {
        // imshow keeps square pixels: shrink the box to the image's aspect.
        let (dw, dh) = (x1 - x0, y1 - y0);
        let scale = (b.w / dw).min(b.h / dh);
        let (w, h) = (dw * scale, dh * scale);
        b.x += (b.w - w) / 2.0;
        b.y += (b.h - h) / 2.0;
        b.w = w;
        b.h = h;
    }
    let sx = |x: f64| b.x + (x - x0) / (x1 - x0) * b.w;
    let sy = |y: f64| {
        if flip {
            b.y + (y - y0) / (y1 - y0) * b.h
        } else {
            b.y + b.h - (y - y0) / (y1 - y0) * b.h
        }
    };
    let _ = write!(
        out,
        "<clipPath id=\"clip{id}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" /></clipPath><g clip-path=\"url(#clip{id})\">",
        num(b.x), num(b.y), num(b.w), num(b.h)
    );
    let mut legend: Vec<(String, String, bool)> = Vec::new();
    let mut last_image: Option<(String, f64, f64)> = None;
    for a in &ax.artists {
        match a {
            Artist::Image {
                rows,
                cols,
                data,
                cmap,
                vmin,
                vmax,
            } => {
                let cm = Colormap::named(cmap)
                    .unwrap_or_else(|| Colormap::named("viridis").expect("viridis"));
                let png = png_base64(data, *rows, *cols, &cm, *vmin, *vmax);
                let (ix, iy) = (sx(-0.5), sy(-0.5));
                let (ix2, iy2) = (sx(*cols as f64 - 0.5), sy(*rows as f64 - 0.5));
                let _ = write!(
                    out,
                    "<image x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" preserveAspectRatio=\"none\" style=\"image-rendering: pixelated\" href=\"data:image/png;base64,{png}\" />",
                    num(ix.min(ix2)), num(iy.min(iy2)), num((ix2 - ix).abs()), num((iy2 - iy).abs())
                );
                last_image = Some((cmap.clone(), *vmin, *vmax));
            }
            Artist::Line {
                xs,
                ys,
                color,
                label,
                style,
                markers,
            } => {
                let pts: Vec<(f64, f64)> =
                    xs.iter().zip(ys).map(|(&x, &y)| (sx(x), sy(y))).collect();
                if *style != LineStyle::None {
                    let dash = if *style == LineStyle::Dashed {
                        " stroke-dasharray=\"6,4\""
                    } else {
                        ""
                    };
                    let _ = write!(
                        out,
                        "<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.8\"{dash} />",
                        path_of(&pts),
                        escape(color)
                    );
                }
                if *markers {
                    for (x, y) in pts.iter().filter(|(x, y)| x.is_finite() && y.is_finite()) {
                        let _ = write!(
                            out,
                            "<circle cx=\"{}\" cy=\"{}\" r=\"3\" fill=\"{}\" />",
                            num(*x),
                            num(*y),
                            escape(color)
                        );
                    }
                }
                if let Some(l) = label {
                    legend.push((l.clone(), color.clone(), *style == LineStyle::None));
                }
            }
            Artist::Scatter {
                xs,
                ys,
                color,
                label,
                size,
            } => {
                let r = size.max(1.0).sqrt() / 2.0;
                for (x, y) in xs
                    .iter()
                    .zip(ys)
                    .filter(|(x, y)| x.is_finite() && y.is_finite())
                {
                    let _ = write!(
                        out,
                        "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\" fill-opacity=\"0.85\" />",
                        num(sx(*x)),
                        num(sy(*y)),
                        num(r),
                        escape(color)
                    );
                }
                if let Some(l) = label {
                    legend.push((l.clone(), color.clone(), true));
                }
            }
            Artist::Bars {
                edges,
                counts,
                color,
                label,
            } => {
                for (i, c) in counts.iter().enumerate() {
                    let (xa, xb) = (sx(edges[i]), sx(edges[i + 1]));
                    let (ya, yb) = (sy(*c), sy(0.0));
                    let _ = write!(out, "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"white\" stroke-width=\"0.5\" />", num(xa.min(xb)), num(ya.min(yb)), num((xb - xa).abs()), num((yb - ya).abs()), escape(color));
                }
                if let Some(l) = label {
                    legend.push((l.clone(), color.clone(), false));
                }
            }
        }
    }
    out.push_str("</g>");
    if !ax.axis_off {
        let _ = write!(out, "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#333\" stroke-width=\"1\" />", num(b.x), num(b.y), num(b.w), num(b.h));
        out.push_str("<g fill=\"#333\" stroke=\"#333\">");
        let xt = nice_ticks(x0.min(x1), x0.max(x1), ((b.w / 65.0) as usize).clamp(3, 10));
        let step = if xt.len() > 1 { xt[1] - xt[0] } else { 1.0 };
        for t in &xt {
            let x = sx(*t);
            svg::line_colored(out, (x, b.y + b.h), (x, b.y + b.h + 4.0), "#333");
            svg::text(
                out,
                (x, b.y + b.h + 13.0),
                &label(*t, step),
                10.0,
                Anchor::Middle,
                0.0,
            );
        }
        let yt = nice_ticks(y0.min(y1), y0.max(y1), ((b.h / 40.0) as usize).clamp(3, 8));
        let step = if yt.len() > 1 { yt[1] - yt[0] } else { 1.0 };
        for t in &yt {
            let y = sy(*t);
            svg::line_colored(out, (b.x - 4.0, y), (b.x, y), "#333");
            svg::text(
                out,
                (b.x - 6.0, y),
                &label(*t, step),
                10.0,
                Anchor::End,
                0.0,
            );
        }
        if !ax.xlabel.is_empty() {
            svg::text(
                out,
                (b.x + b.w / 2.0, b.y + b.h + 30.0),
                &ax.xlabel,
                11.0,
                Anchor::Middle,
                0.0,
            );
        }
        if !ax.ylabel.is_empty() {
            svg::text(
                out,
                (cell.x + 12.0, b.y + b.h / 2.0),
                &ax.ylabel,
                11.0,
                Anchor::Middle,
                -90.0,
            );
        }
        out.push_str("</g>");
    }
    if !ax.title.is_empty() {
        svg::text(
            out,
            (b.x + b.w / 2.0, b.y - 10.0),
            &ax.title,
            12.0,
            Anchor::Middle,
            0.0,
        );
    }
    if ax.legend && !legend.is_empty() {
        let w = legend
            .iter()
            .map(|(l, _, _)| svg::text_width(l, 10.0))
            .fold(0.0, f64::max)
            + 34.0;
        let (lx, ly) = (b.x + b.w - w - 6.0, b.y + 6.0);
        let _ = write!(out, "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"white\" fill-opacity=\"0.85\" stroke=\"#ccc\" />", num(lx), num(ly), num(w), num(legend.len() as f64 * 16.0 + 6.0));
        for (i, (l, c, point)) in legend.iter().enumerate() {
            let y = ly + 11.0 + i as f64 * 16.0;
            if *point {
                let _ = write!(
                    out,
                    "<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" fill=\"{}\" />",
                    num(lx + 14.0),
                    num(y),
                    escape(c)
                );
            } else {
                let _ = write!(out, "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2\" />", num(lx + 6.0), num(y), num(lx + 22.0), num(y), escape(c));
            }
            out.push_str("<g fill=\"#333\">");
            svg::text(out, (lx + 28.0, y), l, 10.0, Anchor::Start, 0.0);
            out.push_str("</g>");
        }
    }
    if let (true, Some((cmap, vmin, vmax))) = (ax.colorbar, last_image) {
        let cm =
            Colormap::named(&cmap).unwrap_or_else(|| Colormap::named("viridis").expect("viridis"));
        let steps = 128;
        let ramp: Vec<f64> = (0..steps)
            .rev()
            .map(|i| vmin + (vmax - vmin) * i as f64 / (steps - 1) as f64)
            .collect();
        let png = png_base64(&ramp, steps, 1, &cm, vmin, vmax);
        let cx = b.x + b.w + 14.0;
        let _ = write!(out, "<image x=\"{}\" y=\"{}\" width=\"14\" height=\"{}\" preserveAspectRatio=\"none\" href=\"data:image/png;base64,{png}\" /><rect x=\"{}\" y=\"{}\" width=\"14\" height=\"{}\" fill=\"none\" stroke=\"#333\" />", num(cx), num(b.y), num(b.h), num(cx), num(b.y), num(b.h));
        out.push_str("<g fill=\"#333\">");
        let ticks = nice_ticks(vmin, vmax, 5);
        let step = if ticks.len() > 1 {
            ticks[1] - ticks[0]
        } else {
            1.0
        };
        for t in ticks {
            let y = b.y + b.h - (t - vmin) / (vmax - vmin).max(1e-300) * b.h;
            svg::line_colored(out, (cx + 14.0, y), (cx + 18.0, y), "#333");
            svg::text(
                out,
                (cx + 20.0, y),
                &label(t, step),
                10.0,
                Anchor::Start,
                0.0,
            );
        }
        out.push_str("</g>");
    }
}

/// The whole figure.
pub fn figure_svg(f: &Figure) -> String {
    let (w, h) = (
        (f.width_in * DPI).clamp(80.0, 2400.0),
        (f.height_in * DPI).clamp(60.0, 2400.0),
    );
    let mut out = String::new();
    svg::open(&mut out, w, h);
    out.push_str("<rect width=\"100%\" height=\"100%\" fill=\"white\" /><g font-family=\"DejaVu Sans, Arial, sans-serif\">");
    let top = if f.suptitle.is_empty() { 0.0 } else { 24.0 };
    if !f.suptitle.is_empty() {
        out.push_str("<g fill=\"#222\">");
        svg::text(
            &mut out,
            (w / 2.0, 14.0),
            &f.suptitle,
            14.0,
            Anchor::Middle,
            0.0,
        );
        out.push_str("</g>");
    }
    let (cw, ch) = (w / f.ncols.max(1) as f64, (h - top) / f.nrows.max(1) as f64);
    for (i, ax) in f.axes.iter().enumerate() {
        let (r, c) = (i / f.ncols.max(1), i % f.ncols.max(1));
        let cell = Box {
            x: c as f64 * cw,
            y: top + r as f64 * ch,
            w: cw,
            h: ch,
        };
        draw_axes(&mut out, ax, &cell, i);
    }
    out.push_str("</g></svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::super::{Artist, Axes, Figure, LineStyle};
    use crate::display::xmlcheck::assert_well_formed;

    fn line(label: &str) -> Artist {
        Artist::Line {
            xs: vec![0.0, 1.0, 2.0, f64::NAN, 4.0],
            ys: vec![1.0, 3.0, 2.0, 0.0, 5.0],
            color: "#1f77b4".into(),
            label: Some(label.into()),
            style: LineStyle::Solid,
            markers: true,
        }
    }

    #[test]
    fn every_kind_of_figure_parses() {
        let mut f = Figure::new(8.0, 6.0);
        f.nrows = 2;
        f.ncols = 2;
        f.suptitle = "all <kinds> & more".into();
        let mut a = Axes {
            title: "img".into(),
            colorbar: true,
            ..Default::default()
        };
        a.artists.push(Artist::Image {
            rows: 3,
            cols: 4,
            data: (0..12).map(f64::from).collect(),
            cmap: "RdBu_r".into(),
            vmin: 0.0,
            vmax: 11.0,
        });
        f.axes.push(a);
        let mut b = Axes {
            legend: true,
            xlabel: "x".into(),
            ylabel: "y".into(),
            ..Default::default()
        };
        b.artists.push(line("a"));
        b.artists.push(Artist::Scatter {
            xs: vec![1.0, 2.0],
            ys: vec![2.0, 1.0],
            color: "#ff7f0e".into(),
            label: Some("pts".into()),
            size: 36.0,
        });
        f.axes.push(b);
        let mut c = Axes::default();
        c.artists.push(Artist::Bars {
            edges: vec![0.0, 1.0, 2.0, 3.0],
            counts: vec![2.0, 5.0, 1.0],
            color: "#2ca02c".into(),
            label: None,
        });
        f.axes.push(c);
        f.axes.push(Axes {
            axis_off: true,
            ..Default::default()
        });
        let svg = f.svg();
        assert_well_formed(&svg);
        assert_eq!(svg.matches("<image").count(), 2, "image and colorbar ramp");
        assert!(svg.contains("&lt;kinds&gt;"));
        assert!(svg.matches("<rect x=").count() >= 3);
        assert_eq!(f.text(), "<Figure size 800x600 with 4 Axes>");
        assert!(f.bundle().data.contains_key("image/svg+xml"));
    }

    #[test]
    fn images_keep_square_pixels() {
        let mut f = Figure::new(6.0, 3.0);
        let mut a = Axes::default();
        a.artists.push(Artist::Image {
            rows: 10,
            cols: 10,
            data: vec![1.0; 100],
            cmap: "gray".into(),
            vmin: 0.0,
            vmax: 1.0,
        });
        f.axes.push(a);
        let svg = f.svg();
        let img = &svg[svg.find("<image").unwrap()..];
        let attr = |name: &str| -> f64 {
            let s = &img[img.find(&format!(" {name}=\"")).unwrap() + name.len() + 3..];
            s[..s.find('"').unwrap()].parse().unwrap()
        };
        assert!((attr("width") - attr("height")).abs() < 1.0, "{img:.200}");
    }
}
