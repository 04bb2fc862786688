use super::*;
use crate::chunk::einsum::parse;

/// Brute-force einsum in f64: every assignment of the labels, summed.
fn reference(s: &str, ops: &[&Chunk]) -> (Vec<usize>, Vec<f64>) {
    let ndims: Vec<usize> = ops.iter().map(|c| c.ndim()).collect();
    let spec = parse(s, &ndims).unwrap();
    let shapes: Vec<&[usize]> = ops.iter().map(|c| c.shape()).collect();
    let sizes = spec.sizes(&shapes).unwrap();
    let labels: Vec<Label> = sizes.keys().copied().collect();
    let out_shape: Vec<usize> = spec.output.iter().map(|l| sizes[l]).collect();
    let mut out = vec![0.0; out_shape.iter().product()];
    let vals: Vec<Vec<f64>> = ops.iter().map(|c| c.to_f64_vec()).collect();
    let total: usize = labels.iter().map(|l| sizes[l]).product();
    for mut flat in 0..total {
        let mut at = BTreeMap::new();
        for l in labels.iter().rev() {
            at.insert(*l, flat % sizes[l]);
            flat /= sizes[l];
        }
        let mut p = 1.0;
        for (k, op) in ops.iter().enumerate() {
            let mut idx = 0;
            for (ax, l) in spec.inputs[k].iter().enumerate() {
                let n = op.shape()[ax];
                idx = idx * n + if n == 1 { 0 } else { at[l] };
            }
            p *= vals[k][idx];
        }
        let mut o = 0;
        for (l, &n) in spec.output.iter().zip(&out_shape) {
            o = o * n + at[l];
        }
        out[o] += p;
    }
    (out_shape, out)
}

fn ints(n: usize, shape: &[usize], seed: i64) -> Chunk {
    let v: Vec<i64> = (0..n as i64).map(|i| (i * 7 + seed) % 5 - 2).collect();
    Chunk::from_vec(v, shape).unwrap()
}

fn check(s: &str, shapes: &[&[usize]]) {
    let ops: Vec<Chunk> = shapes
        .iter()
        .enumerate()
        .map(|(k, sh)| ints(sh.iter().product(), sh, k as i64))
        .collect();
    let refs: Vec<&Chunk> = ops.iter().collect();
    let got = einsum(s, &refs).unwrap();
    let (shape, want) = reference(s, &refs);
    assert_eq!(got.shape(), &shape[..], "{s}");
    assert_eq!(got.to_f64_vec(), want, "{s}");
    assert_eq!(got.dtype(), DType::Int64, "{s}");
}

#[test]
fn common_forms_match_brute_force() {
    check("ij->ji", &[&[3, 4]]);
    check("ii->", &[&[4, 4]]);
    check("ii->i", &[&[4, 4]]);
    check("ij->", &[&[3, 4]]);
    check("ij->j", &[&[3, 4]]);
    check("ij,jk->ik", &[&[3, 4], &[4, 5]]);
    check("ij,jk", &[&[3, 4], &[4, 5]]);
    check("ji,kj->ki", &[&[4, 3], &[5, 4]]);
    check("bij,bjk->bik", &[&[2, 3, 4], &[2, 4, 5]]);
    check("bij,bjk->bki", &[&[2, 3, 4], &[2, 4, 5]]);
    check("i,i->", &[&[6], &[6]]);
    check("i,j->ij", &[&[3], &[4]]);
    check("ij,ij->ij", &[&[3, 4], &[3, 4]]);
    check("ij,ij->", &[&[3, 4], &[3, 4]]);
    check("bi,bi->b", &[&[5, 3], &[5, 3]]);
    check("iij,jk->ik", &[&[3, 3, 2], &[2, 4]]);
    check("ij,jk,kl->il", &[&[2, 3], &[3, 4], &[4, 2]]);
    check("...ij,...jk->...ik", &[&[2, 3, 4], &[4, 5]]);
    check("i...->...", &[&[3, 2, 2]]);
    check("ij,jk", &[&[2, 3], &[1, 4]]);
    check("ij,k->kji", &[&[2, 3], &[1]]);
    check("ij,ab->", &[&[2, 3], &[4, 3]]);
    check("ij,jk->ik", &[&[0, 3], &[3, 2]]);
    check("ij,jk->ik", &[&[2, 0], &[0, 2]]);
}

#[test]
fn dtypes_follow_numpy() {
    let b = Chunk::from_vec(vec![true, false, true], &[3]).unwrap();
    let r = einsum("i,i->", &[&b, &b]).unwrap();
    assert_eq!((r.dtype(), r.to_f64_vec()), (DType::Bool, vec![1.0]));
    let f = Chunk::from_vec(vec![0.5f32, 1.0, 2.0], &[3]).unwrap();
    let r = einsum("i,i", &[&f, &b]).unwrap();
    assert_eq!((r.dtype(), r.to_f64_vec()), (DType::Float32, vec![2.5]));
    // Narrow ints wrap as NumPy's do.
    let u = Chunk::from_vec(vec![200u8; 4], &[2, 2]).unwrap();
    let r = einsum("ij->", &[&u]).unwrap();
    assert_eq!((r.dtype(), r.to_f64_vec()), (DType::UInt8, vec![32.0]));
    let i = Chunk::from_vec(vec![100i8, 100], &[2]).unwrap();
    let t = Chunk::from_vec(vec![2i8, 2], &[2]).unwrap();
    assert_eq!(einsum("i,i", &[&i, &t]).unwrap().to_f64_vec(), vec![-112.0]);
}

#[test]
fn large_matrix_products_use_the_matmul_kernel() {
    let a = Chunk::from_vec(
        (0..300 * 200).map(|i| (i % 7) as f64).collect(),
        &[300, 200],
    )
    .unwrap();
    let b = Chunk::from_vec(
        (0..200 * 100).map(|i| (i % 5) as f64).collect(),
        &[200, 100],
    )
    .unwrap();
    let want = linalg::matmul2(&a, &b).unwrap();
    assert_eq!(einsum("ij,jk->ik", &[&a, &b]).unwrap(), want);
    let t = permute(&want, &[1, 0]).unwrap();
    assert_eq!(einsum("ij,jk->ki", &[&a, &b]).unwrap(), t);
}

#[test]
fn errors_carry_numpy_messages() {
    let a = ints(6, &[2, 3], 0);
    let b = ints(12, &[4, 3], 0);
    let e = einsum("ij,jk", &[&a, &b]).unwrap_err().to_string();
    assert!(e.starts_with("operands could not be broadcast together with remapped shapes"));
    let e = einsum("ijk", &[&a]).unwrap_err().to_string();
    assert!(e.ends_with("too many subscripts for operand 0"));
}
