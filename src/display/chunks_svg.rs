//! The chunk schematic beside an array's repr: a bar (1-D), a grid (2-D), an oblique box
//! with chunk lines (3-D) and a row of those (> 3-D).
//!
//! Sizes follow the same kind of response curve Dask uses (linear, then logarithmic, then
//! flat in the ratio longest/this axis), so a 10⁶ × 3 array stays readable. Output size is
//! bounded: at most `size / 6` lines per axis, always on real chunk boundaries, and the
//! drawing says when it skips lines. Axes with unknown chunk sizes are drawn dashed and
//! labelled `unknown`.

use crate::display::svg::{self, Anchor};

/// Dask's default schematic size (`array.svg.size`): the longest axis in pixels.
pub const DEFAULT_SIZE: f64 = 120.0;

const FILL: &str = "#ECB172";
const FILL_DENSE: &str = "#8B4903";
const LABEL_PX: f64 = 14.0;
const NOTE_PX: f64 = 11.0;
const MARGIN: f64 = 10.0;

/// Pixel scale for an axis whose length is `1/ratio` of the longest: linear below e,
/// logarithmic up to 100 (continuous at e), flat beyond, so no axis is thinner than ≈ size/4.7.
pub fn ratio_response(x: f64) -> f64 {
    let e = std::f64::consts::E;
    if x < e {
        x
    } else if x < 100.0 {
        (x + 12.4).ln()
    } else {
        (100.0f64 + 12.4).ln()
    }
}

/// Pixel lengths of each axis: the longest gets `size`, shorter ones shrink along the curve.
pub fn draw_sizes(shape: &[f64], size: f64) -> Vec<f64> {
    let mx = shape.iter().cloned().fold(0.0f64, f64::max).max(0.1);
    shape
        .iter()
        .map(|&d| size / ratio_response(mx / d.max(0.1)))
        .collect()
}

/// One axis prepared for drawing.
#[derive(Clone, Debug)]
struct Axis {
    /// Pixel length.
    px: f64,
    /// Boundary positions drawn, as fractions 0..=1 of the axis (real chunk edges).
    bounds: Vec<f64>,
    /// Length label (`1000`, `unknown`).
    label: String,
    /// Some chunk sizes unknown: lines dashed.
    unknown: bool,
    /// Chunks per drawn line when subsampled (1 = every boundary drawn).
    step: usize,
    /// Number of chunks along this axis.
    nchunks: usize,
}

/// Chunk sizes used for geometry: unknown ones take the mean known size of the axis (or 1).
fn geometry_sizes(chunks: &[Option<usize>]) -> Vec<f64> {
    let known: Vec<f64> = chunks.iter().flatten().map(|&c| c as f64).collect();
    let fill = if known.is_empty() {
        1.0
    } else {
        known.iter().sum::<f64>() / known.len() as f64
    };
    chunks
        .iter()
        .map(|c| c.map_or(fill, |v| v as f64))
        .collect()
}

/// Indices of the boundaries drawn (0..=n), evenly subsampled to at most `max_n`.
fn boundary_indices(n: usize, max_n: usize) -> Vec<usize> {
    let max_n = max_n.max(2);
    if n < max_n {
        return (0..=n).collect();
    }
    let mut idx: Vec<usize> = (0..max_n)
        .map(|k| ((k as f64) * n as f64 / (max_n - 1) as f64).round() as usize)
        .collect();
    idx.dedup();
    idx
}

fn prepare_axes(chunks: &[Vec<Option<usize>>], size: f64) -> Vec<Axis> {
    let geo: Vec<Vec<f64>> = chunks.iter().map(|c| geometry_sizes(c)).collect();
    let unknown: Vec<bool> = chunks
        .iter()
        .map(|c| c.iter().any(Option::is_none))
        .collect();
    // An axis whose length is unknown is drawn at least as long as the longest known axis.
    let known_max = geo
        .iter()
        .zip(&unknown)
        .filter(|(_, u)| !**u)
        .map(|(g, _)| g.iter().sum::<f64>())
        .fold(0.0f64, f64::max);
    let lengths: Vec<f64> = geo
        .iter()
        .zip(&unknown)
        .map(|(g, &u)| {
            let s: f64 = g.iter().sum();
            if u {
                known_max.max(s)
            } else {
                s
            }
        })
        .collect();
    let px = draw_sizes(&lengths, size);
    let max_n = ((size / 6.0).floor() as usize).max(2);
    geo.iter()
        .enumerate()
        .map(|(i, g)| {
            let total: f64 = g.iter().sum();
            let mut cum = vec![0.0];
            for c in g {
                cum.push(cum.last().copied().unwrap_or(0.0) + c);
            }
            let idx = boundary_indices(g.len(), max_n);
            let bounds = idx
                .iter()
                .map(|&k| {
                    if total > 0.0 {
                        cum[k] / total
                    } else {
                        k as f64
                    }
                })
                .collect();
            let n = g.len();
            let step = if idx.len() < n + 1 {
                n.div_ceil(idx.len().saturating_sub(1).max(1))
            } else {
                1
            };
            let label = if unknown[i] {
                "unknown".to_string()
            } else {
                chunks[i].iter().flatten().sum::<usize>().to_string()
            };
            Axis {
                px: px[i],
                bounds,
                label,
                unknown: unknown[i],
                step,
                nchunks: n,
            }
        })
        .collect()
}

type Pt = (f64, f64);

fn add(a: Pt, b: Pt) -> Pt {
    (a.0 + b.0, a.1 + b.1)
}

fn scale(a: Pt, f: f64) -> Pt {
    (a.0 * f, a.1 * f)
}

/// A parallelogram face at `p` spanned by `u` (axis `au`) and `v` (axis `av`) with chunk lines.
fn face(out: &mut String, p: Pt, u: Pt, v: Pt, au: &Axis, av: &Axis) {
    let dense = au.step > 1 || av.step > 1;
    let opacity = if au.unknown || av.unknown { 0.35 } else { 0.63 };
    svg::polygon(
        out,
        &[p, add(p, u), add(add(p, u), v), add(p, v)],
        if dense { FILL_DENSE } else { FILL },
        opacity,
    );
    for (axis, dir, other) in [(au, u, v), (av, v, u)] {
        for &f in &axis.bounds {
            let edge = f <= 0.0 || f >= 1.0;
            let a = add(p, scale(dir, f));
            svg::line(
                out,
                a,
                add(a, other),
                if edge { 2.0 } else { 1.0 },
                axis.unknown && !edge,
            );
        }
    }
}

/// A drawn group of axes: SVG body, its width and height (origin at its top-left).
struct Piece {
    body: String,
    width: f64,
    height: f64,
}

fn side_label(a: &Axis) -> f64 {
    // Long numbers read better rotated along the axis, as Dask does from 100 on.
    if a.label.len() >= 3 {
        -90.0
    } else {
        0.0
    }
}

/// A 2-D grid: axis `r` downwards (rows), axis `c` rightwards (columns).
fn piece_2d(r: &Axis, c: &Axis, o: Pt, label_rows: bool) -> Piece {
    let mut body = String::new();
    let p = (o.0 + MARGIN, o.1 + MARGIN);
    face(&mut body, p, (0.0, r.px), (c.px, 0.0), r, c);
    svg::text(
        &mut body,
        (p.0 + c.px / 2.0, p.1 + r.px + 20.0),
        &c.label,
        LABEL_PX,
        Anchor::Middle,
        0.0,
    );
    if label_rows {
        svg::text(
            &mut body,
            (p.0 + c.px + 20.0, p.1 + r.px / 2.0),
            &r.label,
            LABEL_PX,
            Anchor::Middle,
            side_label(r),
        );
    }
    let label_w = svg::text_width(&c.label, LABEL_PX);
    Piece {
        body,
        width: MARGIN + c.px.max(label_w) + 40.0,
        height: MARGIN + r.px + 40.0,
    }
}

/// A 3-D box: depth axis `d` drawn obliquely (back top-left to front bottom-right), axis `r`
/// down and axis `c` right on the front face.
fn piece_3d(d: &Axis, r: &Axis, c: &Axis, o: Pt) -> Piece {
    let mut body = String::new();
    let k = 0.5;
    let dv = (d.px * k, d.px * k);
    let back = (o.0 + MARGIN, o.1 + MARGIN);
    let front = add(back, dv);
    face(&mut body, back, dv, (c.px, 0.0), d, c); // top
    face(&mut body, back, dv, (0.0, r.px), d, r); // left
    face(&mut body, front, (0.0, r.px), (c.px, 0.0), r, c); // front
    svg::text(
        &mut body,
        (front.0 + c.px / 2.0, front.1 + r.px + 20.0),
        &c.label,
        LABEL_PX,
        Anchor::Middle,
        0.0,
    );
    svg::text(
        &mut body,
        (front.0 + c.px + 20.0, front.1 + r.px / 2.0),
        &r.label,
        LABEL_PX,
        Anchor::Middle,
        side_label(r),
    );
    let mid = add(add(back, (0.0, r.px)), scale(dv, 0.5));
    svg::text(
        &mut body,
        (mid.0 - 10.0, mid.1 + 10.0),
        &d.label,
        LABEL_PX,
        Anchor::Middle,
        45.0,
    );
    Piece {
        body,
        width: MARGIN + dv.0 + c.px + 40.0,
        height: MARGIN + dv.1 + r.px + 40.0,
    }
}

/// Notes printed under the drawing (text, hover detail): subsampled lines, unknown sizes.
fn notes(axes: &[Axis]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let sub: Vec<String> = axes
        .iter()
        .enumerate()
        .filter(|(_, a)| a.step > 1)
        .map(|(i, a)| {
            format!(
                "axis {i}: {} chunks, {} lines drawn",
                a.nchunks,
                a.bounds.len()
            )
        })
        .collect();
    if let Some(step) = axes.iter().map(|a| a.step).max().filter(|&s| s > 1) {
        out.push((format!("1 line per ~{step} chunks"), sub.join("; ")));
    }
    if axes.iter().any(|a| a.unknown) {
        out.push((
            "dashed: unknown sizes".to_string(),
            "chunk sizes along dashed axes are unknown until computed".to_string(),
        ));
    }
    out
}

/// The schematic SVG for an array with these chunk sizes per axis (`None` = unknown size),
/// the longest axis drawn `size` pixels long. `None` for 0-d arrays (nothing to draw).
pub fn chunks_svg(chunks: &[Vec<Option<usize>>], size: f64) -> Option<String> {
    if chunks.is_empty() {
        return None;
    }
    // 1-D, 4-D, 7-D…: a length-1 leading axis turns the first axis into a thin bar.
    let padded = chunks.len() % 3 == 1;
    let axes = if padded {
        let mut with_bar = vec![vec![Some(1)]];
        with_bar.extend(chunks.iter().cloned());
        prepare_axes(&with_bar, size)
    } else {
        prepare_axes(chunks, size)
    };
    // Groups: a leading 2-D or 3-D group, then 3-D boxes, laid side by side.
    let n = axes.len();
    let first = if n % 3 == 0 { 3 } else { n % 3 };
    let mut groups: Vec<&[Axis]> = vec![&axes[..first]];
    let mut i = first;
    while i < n {
        groups.push(&axes[i..i + 3]);
        i += 3;
    }
    let mut body = String::new();
    let mut x = 0.0;
    let mut height: f64 = 0.0;
    for (gi, g) in groups.into_iter().enumerate() {
        let piece = match g {
            [r, c] => piece_2d(r, c, (x, 0.0), !(padded && gi == 0)),
            [d, r, c] => piece_3d(d, r, c, (x, 0.0)),
            _ => unreachable!("groups have 2 or 3 axes"),
        };
        body.push_str(&piece.body);
        x += piece.width;
        height = height.max(piece.height);
    }
    let notes = notes(&axes[usize::from(padded)..]);
    let mut width = x;
    for (k, (note, detail)) in notes.iter().enumerate() {
        body.push_str("<g><title>");
        body.push_str(&crate::display::html::escape(detail));
        body.push_str("</title>");
        svg::text(
            &mut body,
            (MARGIN, height + NOTE_PX * 1.3 * k as f64),
            note,
            NOTE_PX,
            Anchor::Start,
            0.0,
        );
        body.push_str("</g>");
        width = width.max(MARGIN * 2.0 + svg::text_width(note, NOTE_PX));
    }
    if !notes.is_empty() {
        height += NOTE_PX * 1.3 * notes.len() as f64;
    }
    let mut out = String::new();
    svg::open(&mut out, width, height);
    out.push_str("<g style=\"stroke:rgb(0,0,0);font-family:sans-serif\" font-weight=\"100\">");
    out.push_str(&body);
    out.push_str("</g></svg>");
    Some(out)
}

#[cfg(test)]
#[path = "chunks_svg_tests.rs"]
mod tests;
