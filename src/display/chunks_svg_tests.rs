use super::*;
use crate::display::xmlcheck::assert_well_formed;

fn regular(shape: &[usize], chunk: &[usize]) -> Vec<Vec<Option<usize>>> {
    shape
        .iter()
        .zip(chunk)
        .map(|(&n, &c)| {
            let mut v = vec![Some(c); n / c];
            if n % c != 0 {
                v.push(Some(n % c));
            }
            v
        })
        .collect()
}

fn size_of(svg: &str) -> (f64, f64) {
    let attr = |name: &str| -> f64 {
        let key = format!("{name}=\"");
        let start = svg.find(&key).expect("attribute") + key.len();
        let end = start + svg[start..].find('"').expect("quote");
        svg[start..end].parse().expect("number")
    };
    (attr("width"), attr("height"))
}

#[test]
fn curve_is_continuous_and_flat() {
    let e = std::f64::consts::E;
    assert!((ratio_response(e - 1e-9) - ratio_response(e)).abs() < 1e-2);
    assert_eq!(ratio_response(100.0), ratio_response(1e9));
    assert_eq!(ratio_response(1.0), 1.0);
    let s = draw_sizes(&[1_000_000.0, 3.0], 120.0);
    assert_eq!(s[0], 120.0);
    assert!(s[1] > 25.0 && s[1] < 26.0, "{s:?}");
}

#[test]
fn two_d_grid_has_one_line_per_boundary() {
    let svg = chunks_svg(&regular(&[5000, 5000], &[1000, 1000]), DEFAULT_SIZE).unwrap();
    assert_well_formed(&svg);
    // 6 horizontal + 6 vertical boundaries.
    assert_eq!(svg.matches("<line").count(), 12);
    // Outer edges are thick: 2 per axis.
    assert_eq!(svg.matches("stroke-width=\"2\"").count(), 4);
    assert!(svg.contains(">5000</text>"));
    assert_eq!(size_of(&svg), (170.0, 170.0));
    assert!(!svg.contains("line per"));
}

#[test]
fn one_d_is_a_thin_bar_with_chunk_lines() {
    let svg = chunks_svg(&regular(&[100], &[10]), DEFAULT_SIZE).unwrap();
    assert_well_formed(&svg);
    // 2 lines for the bar's long edges + 11 chunk boundaries.
    assert_eq!(svg.matches("<line").count(), 13);
    assert!(svg.contains(">100</text>"));
    assert!(
        !svg.contains(">1</text>"),
        "the padding axis is not labelled"
    );
    let (w, h) = size_of(&svg);
    assert!(w > h, "a bar is wide: {w}x{h}");
}

#[test]
fn many_chunks_are_capped_and_stated() {
    let svg = chunks_svg(&regular(&[10_000, 10], &[10, 10]), DEFAULT_SIZE).unwrap();
    assert_well_formed(&svg);
    let lines = svg.matches("<line").count();
    // ≤ 20 lines on the subsampled axis + 2 on the other.
    assert!(lines <= 22, "{lines}");
    assert!(svg.contains(">1 line per ~53 chunks<"), "{svg}");
    assert!(svg.contains("axis 0: 1000 chunks, 20 lines drawn"));
    assert!(svg.len() < 6000, "bounded output: {}", svg.len());
    // Huge chunk counts stay small too.
    let big = chunks_svg(
        &regular(&[16000, 2400, 3600], &[1, 2400, 3600]),
        DEFAULT_SIZE,
    )
    .unwrap();
    assert!(big.len() < 12_000, "{}", big.len());
    assert_well_formed(&big);
}

#[test]
fn subsampled_lines_sit_on_real_boundaries() {
    let idx = boundary_indices(1000, 20);
    assert_eq!(idx.len(), 20);
    assert_eq!(idx[0], 0);
    assert_eq!(*idx.last().unwrap(), 1000);
    assert_eq!(boundary_indices(5, 20), vec![0, 1, 2, 3, 4, 5]);
}

#[test]
fn three_d_box_has_three_faces() {
    let svg = chunks_svg(&regular(&[100, 200, 300], &[50, 100, 100]), DEFAULT_SIZE).unwrap();
    assert_well_formed(&svg);
    assert_eq!(svg.matches("<polygon").count(), 3);
    for label in [">100</text>", ">200</text>", ">300</text>"] {
        assert!(svg.contains(label), "{label}");
    }
    assert!(svg.contains("rotate(45"));
    // top: (3 + 4) lines, left: (3 + 3), front: (3 + 4)
    assert_eq!(svg.matches("<line").count(), 20);
}

#[test]
fn higher_dims_draw_a_row_of_pieces() {
    let four = chunks_svg(
        &regular(&[10, 100, 200, 300], &[5, 50, 100, 100]),
        DEFAULT_SIZE,
    )
    .unwrap();
    assert_well_formed(&four);
    // A bar (1 face) + a box (3 faces).
    assert_eq!(four.matches("<polygon").count(), 4);
    let five = chunks_svg(&regular(&[2, 3, 4, 5, 6], &[1, 1, 2, 5, 3]), DEFAULT_SIZE).unwrap();
    assert_eq!(five.matches("<polygon").count(), 4);
    let six = chunks_svg(&regular(&[2; 6], &[1; 6]), DEFAULT_SIZE).unwrap();
    assert_eq!(six.matches("<polygon").count(), 6);
    let (w4, _) = size_of(&four);
    let (w3, _) = size_of(&chunks_svg(&regular(&[100, 200, 300], &[50, 100, 100]), 120.0).unwrap());
    assert!(w4 > w3);
}

#[test]
fn unknown_sizes_are_drawn_dashed_and_labelled() {
    let chunks = vec![vec![None, None, None], vec![Some(5), Some(5)]];
    let svg = chunks_svg(&chunks, DEFAULT_SIZE).unwrap();
    assert_well_formed(&svg);
    assert!(svg.contains(">unknown</text>"));
    assert!(svg.contains(">10</text>"));
    assert!(svg.contains("stroke-dasharray"));
    assert!(svg.contains(">dashed: unknown sizes<"));
    // Only interior boundaries of the unknown axis are dashed.
    assert_eq!(svg.matches("stroke-dasharray").count(), 2);
}

#[test]
fn zero_d_has_no_picture_and_zero_length_is_drawn() {
    assert!(chunks_svg(&[], DEFAULT_SIZE).is_none());
    let svg = chunks_svg(&[vec![Some(0)], vec![Some(5)]], DEFAULT_SIZE).unwrap();
    assert_well_formed(&svg);
    assert!(svg.contains(">0</text>"));
}
