use super::*;
use crate::display::xmlcheck::assert_well_formed;

pub(crate) fn info(shape: &[usize], chunk: &[usize], name: &str, layers: usize) -> ArrayInfo {
    let chunks = shape
        .iter()
        .zip(chunk)
        .map(|(&n, &c)| {
            let mut v = vec![Some(c); n / c];
            if n % c != 0 {
                v.push(Some(n % c));
            }
            v
        })
        .collect();
    ArrayInfo {
        name: name.to_string(),
        chunks,
        dtype_name: "float64".to_string(),
        itemsize: 8,
        chunk_type: "numpy.ndarray".to_string(),
        n_layers: layers,
        n_tasks: None,
    }
}

#[test]
fn text_matches_dask_form() {
    let x = info(&[1000, 1000], &[100, 100], "random_sample", 1);
    assert_eq!(
        array_text(&x),
        "dask.array<random_sample, shape=(1000, 1000), dtype=float64, chunksize=(100, 100), chunktype=numpy.ndarray>"
    );
    let s = info(&[3], &[2], "getitem", 2);
    assert_eq!(
        array_text(&s),
        "dask.array<getitem, shape=(3,), dtype=float64, chunksize=(2,), chunktype=numpy.ndarray>"
    );
    let scalar = ArrayInfo {
        chunks: vec![],
        ..info(&[], &[], "sum-aggregate", 5)
    };
    assert_eq!(
        array_text(&scalar),
        "dask.array<sum-aggregate, shape=(), dtype=float64, chunksize=(), chunktype=numpy.ndarray>"
    );
    assert_eq!(scalar.n_chunks(), 1);
    assert_eq!(scalar.nbytes(), Some(8));
}

#[test]
fn html_has_dask_rows_and_schematic() {
    let x = info(&[5000, 5000], &[1000, 1000], "random_sample", 1);
    let html = array_html(&x);
    assert_well_formed(&html);
    assert!(html.contains("<td>190.73 MiB</td>"));
    assert!(html.contains("<td>7.63 MiB</td>"));
    assert!(html.contains("<td>(5000, 5000)</td>"));
    assert!(html.contains("<td>(1000, 1000)</td>"));
    assert!(html.contains("25 chunks in 1 graph layer<"));
    assert!(html.contains("float64 numpy.ndarray"));
    assert!(html.contains("<svg"));
    assert!(!html.contains("Irregular"));
    let b = array_bundle(&x);
    assert_eq!(b.text(), array_text(&x));
    assert!(b.data.contains_key("text/html"));
}

#[test]
fn plural_layers_and_task_tooltip() {
    let mut x = info(&[10], &[5], "add", 3);
    x.n_tasks = Some(6);
    let html = array_table(&x);
    assert!(html.contains("2 chunks in 3 graph layers"));
    assert!(html.contains("title=\"6 tasks\""));
}

#[test]
fn unknown_sizes_read_unknown_and_nan() {
    let x = ArrayInfo {
        chunks: vec![vec![None; 25]],
        ..info(&[1], &[1], "getitem", 8)
    };
    assert_eq!(
        array_text(&x),
        "dask.array<getitem, shape=(nan,), dtype=float64, chunksize=(nan,), chunktype=numpy.ndarray>"
    );
    let html = array_html(&x);
    assert_well_formed(&html);
    assert_eq!(html.matches("<td>unknown</td>").count(), 2);
    assert!(html.contains("compute_chunk_sizes()"));
    assert!(
        html.contains(">unknown</text>"),
        "the schematic is still drawn"
    );
}

#[test]
fn irregular_chunks_are_reported() {
    let regular = info(&[10], &[4], "x", 1); // 4, 4, 2: regular
    assert!(regular.irregular_axes().is_empty());
    let x = ArrayInfo {
        chunks: vec![vec![Some(1), Some(1000), Some(5)], vec![Some(3)]],
        ..regular
    };
    assert_eq!(x.irregular_axes(), vec![(0, 1, 1000)]);
    assert_eq!(x.chunksize(), vec![Some(1000), Some(3)]);
    assert!(array_table(&x).contains("axis 0: 1–1000"));
}

#[test]
fn empty_axes_render() {
    let x = ArrayInfo {
        chunks: vec![vec![], vec![Some(3)]],
        ..info(&[1], &[1], "empty", 1)
    };
    assert_eq!(x.n_chunks(), 0);
    assert_eq!(x.nbytes(), Some(0));
    assert!(array_text(&x).contains("shape=(0, 3)"));
    let html = array_html(&x);
    assert_well_formed(&html);
    assert!(html.contains("0 chunks in 1 graph layer"));
}
