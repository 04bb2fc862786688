use super::*;

#[path = "format_cases.rs"]
mod cases;

fn build(dtype: &str, shape: &[usize], vals: &[f64]) -> Chunk {
    let d = DType::parse(dtype).unwrap();
    let n: usize = shape.iter().product();
    let f = if vals.is_empty() && n > 0 {
        Chunk::arange(0.0, n as f64, 1.0, DType::Float64).unwrap()
    } else {
        Chunk::from_vec(vals.to_vec(), &[vals.len()]).unwrap()
    };
    let f =
        crate::chunk::reshape(&f, &shape.iter().map(|&s| s as isize).collect::<Vec<_>>()).unwrap();
    f.astype(d).unwrap()
}

#[test]
fn repr_and_str_match_numpy() {
    let mut failures = Vec::new();
    for (i, &(dtype, shape, vals, want_repr, want_str)) in cases::CASES.iter().enumerate() {
        let c = build(dtype, shape, vals);
        let r = repr(&c);
        if r != want_repr {
            failures.push(format!("case {i} repr:\n{r}\n--- numpy:\n{want_repr}"));
        }
        let s = str(&c);
        if s != want_str {
            failures.push(format!("case {i} str:\n{s}\n--- numpy:\n{want_str}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn scalar_text() {
    assert_eq!(scalar_repr(&Scalar::F64(1.5)), "np.float64(1.5)");
    assert_eq!(scalar_repr(&Scalar::I32(-2)), "np.int32(-2)");
    assert_eq!(scalar_repr(&Scalar::Bool(false)), "np.False_");
    assert_eq!(py_float_repr(1e16), "1e+16");
    assert_eq!(py_float_repr(123.0), "123.0");
    assert_eq!(py_float_repr(0.0001), "0.0001");
}
