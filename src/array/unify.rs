//! Dask's chunk unification for index-labelled operations (`blockwise`,
//! `map_overlap`): the arrays sharing an index label are cut to one common
//! chunking, so each output block reads one block of each (or, along an axis
//! of length 1, the only block, broadcast).

use super::diff::common_refinement;
use super::error::ArrayError;
use super::manipulation::rechunk;
use super::node::Array;

/// The chunks every array sharing one index label gets (Dask's
/// `common_blockdim` after `broadcast_dimensions` dropped the `(1,)`
/// sentinels): the only chunking that has several blocks, else the single
/// block of the longest axis, else the common refinement of all of them.
pub fn common_blockdim(blockdims: &[Vec<usize>]) -> Result<Vec<usize>, ArrayError> {
    let mut distinct: Vec<&Vec<usize>> = Vec::new();
    for b in blockdims {
        if !distinct.contains(&b) {
            distinct.push(b);
        }
    }
    if distinct.len() > 1 {
        distinct.retain(|b| b.as_slice() != [1]);
    }
    let Some(first) = distinct.first() else {
        return Ok(Vec::new());
    };
    let several: Vec<&Vec<usize>> = distinct.iter().copied().filter(|b| b.len() > 1).collect();
    match several.as_slice() {
        [] => Ok(distinct
            .iter()
            .copied()
            .max_by_key(|b| b.first().copied().unwrap_or(0))
            .unwrap_or(first)
            .clone()),
        [one] => Ok((*one).clone()),
        many => {
            let total: usize = many[0].iter().sum();
            if many.iter().any(|b| b.iter().sum::<usize>() != total) {
                let listed: Vec<String> = many
                    .iter()
                    .map(|b| crate::chunk::shape_str(b.as_slice()))
                    .collect();
                return Err(ArrayError::Value(format!(
                    "('Chunks do not add up to same value', {{{}}})",
                    listed.join(", ")
                )));
            }
            Ok(many
                .iter()
                .skip(1)
                .fold(many[0].clone(), |acc, b| common_refinement(&acc, b)))
        }
    }
}

/// Each index label with its unified chunks, in first-seen order.
pub type LabelChunks = Vec<(String, Vec<usize>)>;

/// Unify `arrays` whose axes carry the labels `labels` (one label per axis):
/// returns each label's chunks (in first-seen order) and the arrays rechunked
/// to them; axes of length 0 or 1 keep their single block.
pub fn unify_chunks(
    arrays: &[Array],
    labels: &[Vec<String>],
) -> Result<(LabelChunks, Vec<Array>), ArrayError> {
    let mut seen: Vec<(String, Vec<Vec<usize>>)> = Vec::new();
    for (a, ls) in arrays.iter().zip(labels) {
        super::mask::require_known(a, "unify_chunks")?;
        for (c, l) in a.meta().chunks.iter().zip(ls) {
            match seen.iter_mut().find(|(k, _)| k == l) {
                Some((_, v)) => v.push(c.clone()),
                None => seen.push((l.clone(), vec![c.clone()])),
            }
        }
    }
    let mut chunkss = Vec::with_capacity(seen.len());
    for (l, dims) in seen {
        chunkss.push((l, common_blockdim(&dims)?));
    }
    let mut out = Vec::with_capacity(arrays.len());
    for (a, ls) in arrays.iter().zip(labels) {
        let m = a.meta();
        let want: Vec<Vec<usize>> = ls
            .iter()
            .enumerate()
            .map(|(ax, l)| {
                let c = &chunkss.iter().find(|(k, _)| k == l).expect("seen above").1;
                if m.shape[ax] > 1 {
                    c.clone()
                } else {
                    m.chunks[ax].clone()
                }
            })
            .collect();
        out.push(rechunk(a, want)?);
    }
    Ok((chunkss, out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_chunking_with_several_blocks_wins() {
        assert_eq!(
            common_blockdim(&[vec![5], vec![2, 3], vec![1]]).unwrap(),
            vec![2, 3]
        );
        assert_eq!(common_blockdim(&[vec![1], vec![1]]).unwrap(), vec![1]);
        assert_eq!(common_blockdim(&[vec![1], vec![4]]).unwrap(), vec![4]);
    }

    #[test]
    fn several_chunkings_meet_at_their_common_refinement() {
        assert_eq!(
            common_blockdim(&[vec![5, 2], vec![4, 3]]).unwrap(),
            vec![4, 1, 2]
        );
        let e = common_blockdim(&[vec![2, 2], vec![2, 2, 1]]).unwrap_err();
        assert!(e.to_string().contains("Chunks do not add up to same value"));
    }

    #[test]
    fn arrays_are_rechunked_to_the_label_chunks() {
        use crate::array::creation::full;
        use crate::array::{AxisSpec, ChunkSpec};
        use crate::chunk::{DType, Scalar};
        let spec = |c: Vec<Vec<usize>>| {
            ChunkSpec::PerAxis(c.into_iter().map(AxisSpec::Explicit).collect())
        };
        let x = full(
            "x",
            &[4, 6],
            Scalar::F64(1.0),
            DType::Float64,
            &spec(vec![vec![2, 2], vec![3, 3]]),
        )
        .unwrap();
        let y = full(
            "y",
            &[6, 4],
            Scalar::F64(1.0),
            DType::Float64,
            &spec(vec![vec![2, 4], vec![4]]),
        )
        .unwrap();
        let labels = vec![
            vec!["i".to_string(), "j".to_string()],
            vec!["j".to_string(), "i".to_string()],
        ];
        let (cs, out) = unify_chunks(&[x, y], &labels).unwrap();
        assert_eq!(cs[1], ("j".to_string(), vec![2, 1, 3]));
        assert_eq!(out[1].meta().chunks, vec![vec![2, 1, 3], vec![2, 2]]);
    }
}
