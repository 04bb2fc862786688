//! `x[..., idx, ...] = value` with `idx` a lazy 1-d integer array on one
//! axis, as Dask's `setitem_array` does it: the index is concatenated into
//! one block that every output block reads (its positions are known only
//! when computed), negative positions count from the end, and positions
//! outside the axis are ignored, as Dask's placeholders make them. The value
//! is read as one block; each output block then assigns like
//! [`super::setitem`]'s plan with the positions that land in it.

use super::error::ArrayError;
use super::manipulation::rechunk;
use super::node::{Array, BlockPlan, Op};
use super::setitem::{checked_value, SetItem};
use crate::chunk::setitem::Place;
use crate::chunk::{Chunk, ChunkError, DType};
use crate::graph::Tokenizer;
use std::sync::Arc;

/// A position no block contains: an index entry outside the axis.
const NOWHERE: usize = usize::MAX;

struct SetIndex {
    /// The key, with a placeholder list at `axis`.
    places: Vec<Place>,
    axis: usize,
    meta: super::meta::Meta,
    vmeta: super::meta::Meta,
}

impl BlockPlan for SetIndex {
    fn name(&self) -> &str {
        "setitem"
    }
    fn reads(&self, idx: &[u32]) -> Vec<(usize, Vec<u32>)> {
        vec![
            (0, idx.to_vec()),
            (1, vec![0]),
            (2, vec![0; self.vmeta.ndim()]),
        ]
    }
    fn run(&self, idx: &[u32], inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        let n = self.meta.shape[self.axis] as i64;
        let positions = inputs[1]
            .astype(DType::Int64)?
            .to_f64_vec()
            .into_iter()
            .map(|v| {
                let i = v as i64;
                let j = if i < 0 { i + n } else { i };
                if (0..n).contains(&j) {
                    j as usize
                } else {
                    NOWHERE
                }
            })
            .collect();
        let mut places = self.places.clone();
        places[self.axis] = Place::List(positions);
        SetItem::new(places, &self.meta, &self.vmeta).block(idx, &[inputs[0], inputs[2]])
    }
}

/// `x[places] = value` where `places[axis]` is given by the lazy 1-d integer
/// array `index` (the entry at `axis` is replaced). O(1) to build.
pub fn setitem_index(
    x: &Array,
    places: &[Place],
    axis: usize,
    index: &Array,
    value: &Array,
) -> Result<Array, ArrayError> {
    let im = index.meta();
    if im.ndim() != 1 {
        return Err(ArrayError::Index(format!(
            "Incorrect shape ({}) of integer indices for dimension with size {}",
            crate::chunk::shape_str(&im.shape),
            x.meta().shape.get(axis).copied().unwrap_or(0)
        )));
    }
    super::mask::require_known(index, "setitem")?;
    if !matches!(
        im.dtype.kind(),
        crate::chunk::Kind::Int | crate::chunk::Kind::UInt
    ) {
        return Err(ArrayError::Index(
            "arrays used as indices must be of integer (or boolean) type".into(),
        ));
    }
    let mut places = places.to_vec();
    places[axis] = Place::List(vec![NOWHERE; im.shape[0]]);
    let value = checked_value(x, &places, value)?;
    let one = |a: &Array| rechunk(a, a.meta().shape.iter().map(|&n| vec![n]).collect());
    let (index, value) = (one(index)?, one(&value)?);
    let plan = SetIndex {
        places,
        axis,
        meta: x.meta().clone(),
        vmeta: value.meta().clone(),
    };
    let mut t = Tokenizer::new();
    t.str(x.name())
        .str(index.name())
        .str(value.name())
        .str(&format!("{axis} {:?}", plan.places));
    Ok(Array::from_op(
        "setitem",
        &t,
        x.meta().clone(),
        Op::Plan {
            plan: Arc::new(plan),
            inputs: vec![x.clone(), index, value],
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array::chunks::{AxisSpec, ChunkSpec};
    use crate::array::{compute, creation, ComputeOptions};
    use crate::sched::{CancelToken, Scheduler};

    fn lazy(v: Vec<i64>, shape: &[usize], size: usize, token: u64) -> Array {
        let c = Chunk::from_vec(v, shape).unwrap();
        let spec = ChunkSpec::PerAxis(shape.iter().map(|_| AxisSpec::Size(size)).collect());
        creation::from_chunk(Arc::new(c), &spec, token).unwrap()
    }

    fn run(a: &Array) -> Vec<f64> {
        let opts = ComputeOptions::new(Scheduler::Sync, CancelToken::new());
        compute(std::slice::from_ref(a), &opts)
            .unwrap()
            .0
            .remove(0)
            .to_f64_vec()
    }

    #[test]
    fn lazy_positions_assign_wrap_and_skip_outside() {
        let x = lazy((0..10).collect(), &[10], 3, 1);
        let idx = lazy(vec![1, -2, 4, 12, -11], &[5], 2, 2);
        let v = lazy(vec![10, 20, 30, 40, 50], &[5], 2, 3);
        let full = Place::Range {
            start: 0,
            step: 1,
            len: 10,
        };
        let r = setitem_index(&x, &[full], 0, &idx, &v).unwrap();
        assert_eq!(r.meta().chunks, x.meta().chunks);
        assert_eq!(run(&r), [0., 10., 2., 3., 30., 5., 6., 7., 20., 9.]);
    }

    #[test]
    fn second_axis_with_a_row_value_and_errors() {
        let x = lazy(vec![0; 12], &[3, 4], 2, 4);
        let idx = lazy(vec![3, 0], &[2], 1, 5);
        let v = lazy(vec![7, 8], &[2], 2, 6);
        let rows = Place::Range {
            start: 0,
            step: 1,
            len: 3,
        };
        let r = setitem_index(&x, &[rows.clone(), rows.clone()], 1, &idx, &v).unwrap();
        assert_eq!(run(&r), [8., 0., 0., 7., 8., 0., 0., 7., 8., 0., 0., 7.]);
        let bad = lazy(vec![1, 2, 3], &[3], 2, 7);
        assert!(setitem_index(&x, &[rows.clone(), rows], 1, &idx, &bad).is_err());
    }
}
