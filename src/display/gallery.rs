//! Test-only gallery: `TESSERA_GALLERY=/tmp/dir cargo test --lib display::gallery -- --ignored`
//! writes every renderer's output to files so a human can look at them (e.g. via rsvg-convert).

use crate::display::chunks_svg::{chunks_svg, DEFAULT_SIZE};

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

/// Named sample outputs of every renderer.
fn samples() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let arrays: Vec<(&str, Vec<Vec<Option<usize>>>)> = vec![
        ("chunks_1d", regular(&[100], &[10])),
        ("chunks_1d_long", regular(&[1_000_000], &[100_000])),
        ("chunks_2d", regular(&[5000, 5000], &[1000, 1000])),
        ("chunks_2d_tall", regular(&[1_000_000, 3], &[10_000, 3])),
        ("chunks_2d_many", regular(&[10_000, 10_000], &[100, 1000])),
        ("chunks_3d", regular(&[100, 200, 300], &[50, 100, 100])),
        (
            "chunks_3d_many",
            regular(&[16000, 2400, 3600], &[1, 2400, 3600]),
        ),
        (
            "chunks_4d",
            regular(&[10, 100, 200, 300], &[5, 50, 100, 100]),
        ),
        ("chunks_5d", regular(&[2, 3, 4, 5, 6], &[1, 1, 2, 5, 3])),
        (
            "chunks_unknown",
            vec![vec![None; 5], vec![Some(500), Some(500)]],
        ),
        ("chunks_unknown_1d", vec![vec![None; 25]]),
    ];
    for (name, chunks) in arrays {
        if let Some(svg) = chunks_svg(&chunks, DEFAULT_SIZE) {
            out.push((format!("{name}.svg"), svg));
        }
    }
    out.extend(crate::display::gallery_more::samples());
    out
}

#[test]
#[ignore = "writes files for manual inspection"]
fn dump_gallery() {
    let Ok(dir) = std::env::var("TESSERA_GALLERY") else {
        return;
    };
    std::fs::create_dir_all(&dir).expect("gallery dir");
    for (name, body) in samples() {
        std::fs::write(format!("{dir}/{name}"), body).expect("write sample");
    }
}

#[test]
fn every_sample_is_well_formed() {
    for (name, body) in samples() {
        if let Err(e) = crate::display::xmlcheck::check(&body) {
            panic!("{name}: {e}");
        }
    }
}
