//! Shape manipulation: transpose and rechunk.

use super::error::ArrayError;
use super::meta::Meta;
use super::node::{Array, Op};
use crate::graph::Tokenizer;

/// Permute axes (`None`: reverse them, like `.T`).
pub fn transpose(a: &Array, axes: Option<&[isize]>) -> Result<Array, ArrayError> {
    let nd = a.meta().ndim();
    let perm: Vec<usize> = match axes {
        None => (0..nd).rev().collect(),
        Some(ax) => {
            if ax.len() != nd {
                return Err(ArrayError::Value("axes don't match array".into()));
            }
            let mut p = Vec::with_capacity(nd);
            for &x in ax {
                let v = if x < 0 { x + nd as isize } else { x };
                if v < 0 || v as usize >= nd || p.contains(&(v as usize)) {
                    return Err(ArrayError::Value(if v < 0 || v as usize >= nd {
                        format!("axis {x} is out of bounds for array of dimension {nd}")
                    } else {
                        "repeated axis in transpose".into()
                    }));
                }
                p.push(v as usize);
            }
            p
        }
    };
    if perm.iter().enumerate().all(|(i, &p)| i == p) {
        return Ok(a.clone());
    }
    let m = a.meta();
    let meta = Meta::new(
        perm.iter().map(|&p| m.shape[p]).collect(),
        perm.iter().map(|&p| m.chunks[p].clone()).collect(),
        m.dtype,
    );
    let mut t = Tokenizer::new();
    t.str(a.name())
        .u32s(&perm.iter().map(|&p| p as u32).collect::<Vec<_>>());
    Ok(Array::from_op(
        "transpose",
        &t,
        meta,
        Op::Transpose {
            input: a.clone(),
            perm,
        },
    ))
}

/// New block boundaries for the same data.
pub fn rechunk(a: &Array, chunks: Vec<Vec<usize>>) -> Result<Array, ArrayError> {
    let m = a.meta();
    super::mask::require_known(a, "rechunk")?;
    if chunks.len() != m.ndim() {
        return Err(ArrayError::Chunks(
            "rechunk: chunks have the wrong number of axes".into(),
        ));
    }
    for (c, &s) in chunks.iter().zip(&m.shape) {
        if c.iter().sum::<usize>() != s {
            return Err(ArrayError::Chunks(format!(
                "Chunks do not add up to shape. Got chunks={chunks:?}, shape={:?}",
                m.shape
            )));
        }
    }
    if chunks == m.chunks {
        return Ok(a.clone());
    }
    let mut t = Tokenizer::new();
    t.str(a.name());
    let meta = Meta::new(m.shape.clone(), chunks, m.dtype);
    Ok(Array::from_op(
        "rechunk-merge",
        &t,
        meta,
        Op::Rechunk { input: a.clone() },
    ))
}
