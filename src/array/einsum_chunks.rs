//! The block sizes Dask's `einsum` gives its operands before the blockwise
//! product: when an output block would grow past the largest input block
//! (outer products), the output axes of each operand are split so that the
//! output blocks stay about as large as the inputs'. Ported from Dask's
//! `einsum` and `_calculate_new_chunksizes`.

use super::rechunk_auto::TOLERANCE;
use crate::chunk::einsum::Label;
use std::collections::BTreeSet;

type Chunks = Vec<Vec<usize>>;

fn max_of(c: &[usize]) -> usize {
    c.iter().copied().max().unwrap_or(0)
}

fn prod_of_max(chunks: &Chunks) -> f64 {
    chunks.iter().map(|c| max_of(c) as f64).product()
}

/// Split the `changeable` axes of `input` until the largest block holds at
/// most `maximum` elements (Dask's `_calculate_new_chunksizes`).
fn new_chunksizes(input: &Chunks, changeable: BTreeSet<usize>, maximum: f64) -> Chunks {
    let mut changeable = changeable;
    let mut new = input.clone();
    let maximum = maximum.max(1.0);
    while !changeable.is_empty() {
        let n = changeable.len() as f64;
        let inc = prod_of_max(&new) / maximum;
        if inc <= 1.0 {
            break;
        }
        for i in changeable.clone() {
            let limit = max_of(&new[i]) as f64 / inc.powf(1.0 / n);
            let mut sizes = Vec::new();
            for &c in &input[i] {
                if c as f64 > TOLERANCE * limit {
                    let factor = ((c as f64 / limit).ceil() as usize).clamp(1, c.max(1));
                    let (q, r) = (c / factor, c % factor);
                    sizes.extend((0..factor).map(|k| q + usize::from(k < r)));
                } else {
                    sizes.push(c);
                }
            }
            if sizes == new[i] || max_of(&sizes) == 1 {
                changeable.remove(&i);
            }
            new[i] = sizes;
        }
    }
    new
}

/// Each operand's block sizes after Dask's einsum heuristic (unchanged for a
/// single operand or a scalar output).
pub fn einsum_chunks(chunks: &[Chunks], inputs: &[Vec<Label>], output: &[Label]) -> Vec<Chunks> {
    if chunks.len() < 2 || output.is_empty() {
        return chunks.to_vec();
    }
    let mut max_in: f64 = 1.0;
    let mut max_sizes: std::collections::BTreeMap<Label, usize> = Default::default();
    for (c, labels) in chunks.iter().zip(inputs) {
        max_in = max_in.max(prod_of_max(c));
        for (ax, l) in labels.iter().enumerate() {
            if output.contains(l) {
                let m = max_sizes.entry(*l).or_insert(1);
                *m = (*m).max(max_of(&c[ax]));
            }
        }
    }
    let max_out: f64 = max_sizes.values().map(|&n| n as f64).product();
    let factor = max_out / (max_in * TOLERANCE);
    chunks
        .iter()
        .zip(inputs)
        .map(|(c, labels)| {
            let changeable: BTreeSet<usize> = (0..labels.len())
                .filter(|&ax| output.contains(&labels[ax]))
                .collect();
            let f = factor
                .powf(changeable.len() as f64 / output.len() as f64)
                .max(1.0);
            new_chunksizes(c, changeable, prod_of_max(c) / f)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(s: &str) -> Vec<Label> {
        s.chars().map(|c| c as Label).collect()
    }

    #[test]
    fn outer_products_split_their_inputs_as_dask_does() {
        // da.einsum('i,j->ij', x, y) with x, y of chunks (2, 2): Dask gives (1, 1, 1, 1).
        let c = vec![vec![vec![2, 2]], vec![vec![2, 2]]];
        let got = einsum_chunks(&c, &[labels("i"), labels("j")], &labels("ij"));
        assert_eq!(got, vec![vec![vec![1, 1, 1, 1]], vec![vec![1, 1, 1, 1]]]);
        // A matrix product keeps its blocks.
        let c = vec![
            vec![vec![2, 1], vec![2, 2]],
            vec![vec![3, 1], vec![2, 2, 1]],
        ];
        let got = einsum_chunks(&c, &[labels("ij"), labels("jk")], &labels("ik"));
        assert_eq!(got, c);
        // Scalar outputs and single operands are left alone.
        let c = vec![vec![vec![2, 2]], vec![vec![2, 2]]];
        assert_eq!(einsum_chunks(&c, &[labels("i"), labels("i")], &[]), c);
    }

    #[test]
    fn splits_match_dask() {
        // Expected values printed by Dask's own `_calculate_new_chunksizes`.
        let got = new_chunksizes(&vec![vec![10], vec![10]], [0, 1].into(), 30.0);
        assert_eq!(got, vec![vec![5, 5], vec![5, 5]]);
        let got = new_chunksizes(&vec![vec![10], vec![7]], [0, 1].into(), 9.0);
        assert_eq!(got, vec![vec![4, 3, 3], vec![3, 2, 2]]);
        let got = new_chunksizes(&vec![vec![5, 5], vec![3]], [0].into(), 4.0);
        assert_eq!(got, vec![vec![2, 1, 1, 1, 2, 1, 1, 1], vec![3]]);
    }
}
