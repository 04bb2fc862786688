//! `da.pad`'s other modes, as Dask builds them from slices of the array's
//! edges (each O(1) nodes, whatever the number of chunks): 'edge' and
//! 'empty' pads are one block thick along the padded axis; 'reflect',
//! 'symmetric' and 'wrap' join reversed or shifted slices (NumPy's repeated
//! reflection, shared with the eager kernels through `chunk::pad::PadOps`,
//! continues where Dask stops after one); 'linear_ramp' maps each edge block
//! to a ramp block with Dask's `linspace` arithmetic; the statistic modes are
//! Dask's 3^ndim pieces, each corner reduced over all its padded axes at once.

use super::block::{block, Nested};
use super::broadcast::broadcast_to;
use super::creation::full;
use super::elementwise::{astype, binary, unary};
use super::error::ArrayError;
use super::join::concatenate;
use super::meta::Meta;
use super::node::{Array, BlockPlan, Op};
use super::reduction::reduce;
use super::slicing::{getitem, IndexItem};
use super::{AxisSpec, ChunkSpec};
use crate::chunk::pad::PadOps;
use crate::chunk::pad_fill::{ramp, RampStyle, Stat};
use crate::chunk::{BinaryOp, Chunk, ChunkError, DType, Kind, ReduceOp, Scalar, UnaryOp};
use crate::graph::Tokenizer;
use std::sync::Arc;

fn along(nd: usize, axis: usize, item: IndexItem) -> Vec<IndexItem> {
    let mut idx = vec![IndexItem::Slice(None, None, None); nd];
    idx[axis] = item;
    idx
}

impl PadOps for Array {
    type Error = ArrayError;
    fn axis_len(&self, axis: usize) -> usize {
        self.meta().shape[axis]
    }
    fn range(
        &self,
        axis: usize,
        start: usize,
        stop: usize,
        reversed: bool,
    ) -> Result<Self, ArrayError> {
        let nd = self.meta().ndim();
        let part = getitem(
            self,
            &along(
                nd,
                axis,
                IndexItem::Slice(Some(start as i64), Some(stop as i64), None),
            ),
        )?;
        if !reversed {
            return Ok(part);
        }
        getitem(
            &part,
            &along(nd, axis, IndexItem::Slice(None, None, Some(-1))),
        )
    }
    fn join(parts: &[Self], axis: usize) -> Result<Self, ArrayError> {
        concatenate(parts, axis as isize)
    }
    fn widen(&self, axis: usize, width: usize) -> Result<Self, ArrayError> {
        let m = self.meta();
        let mut shape = m.shape.clone();
        shape[axis] = width;
        let mut chunks = m.chunks.clone();
        chunks[axis] = vec![width];
        broadcast_to(self, &shape, Some(chunks))
    }
    fn odd(edge: &Self, part: &Self) -> Result<Self, ArrayError> {
        let dt = part.meta().dtype;
        let (e, p) = if dt == DType::Bool {
            (astype(edge, DType::Int64)?, astype(part, DType::Int64)?)
        } else {
            (edge.clone(), part.clone())
        };
        let r = binary(BinaryOp::Sub, &binary(BinaryOp::Add, &e, &e)?, &p)?;
        if r.meta().dtype == dt {
            Ok(r)
        } else {
            astype(&r, dt)
        }
    }
}

/// `da.pad(a, widths, 'empty')`: Dask fills with `empty_like` blocks, one
/// block thick along the padded axis; Tessera's are zeros.
pub fn pad_empty(a: &Array, widths: &[(usize, usize)]) -> Result<Array, ArrayError> {
    let mut cur = a.clone();
    for (ax, &(b, af)) in widths.iter().enumerate() {
        let m = cur.meta().clone();
        let side = |w: usize| -> Result<Array, ArrayError> {
            let mut shape = m.shape.clone();
            shape[ax] = w;
            let mut chunks = m.chunks.clone();
            chunks[ax] = vec![w];
            let spec = ChunkSpec::PerAxis(chunks.into_iter().map(AxisSpec::Explicit).collect());
            full(
                "empty_like",
                &shape,
                Scalar::I64(0).astype(m.dtype),
                m.dtype,
                &spec,
            )
        };
        let mut parts = Vec::with_capacity(3);
        if b > 0 {
            parts.push(side(b)?);
        }
        parts.push(cur.clone());
        if af > 0 {
            parts.push(side(af)?);
        }
        if parts.len() > 1 {
            cur = concatenate(&parts, ax as isize)?;
        }
    }
    Ok(cur)
}

/// One ramp block per edge block (Dask's `map_blocks(linear_ramp_chunk)`).
struct Ramp {
    end: f64,
    width: usize,
    axis: usize,
    before: bool,
}

impl BlockPlan for Ramp {
    fn name(&self) -> &str {
        "linear_ramp_chunk"
    }
    fn reads(&self, idx: &[u32]) -> Vec<(usize, Vec<u32>)> {
        vec![(0, idx.to_vec())]
    }
    fn run(&self, _idx: &[u32], inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        ramp(
            inputs[0],
            self.end,
            self.width,
            self.axis,
            self.before,
            RampStyle::Dask,
            true,
        )
    }
}

fn ramp_side(
    edge: &Array,
    end: f64,
    width: usize,
    axis: usize,
    before: bool,
) -> Result<Array, ArrayError> {
    let m = edge.meta();
    let mut meta = m.clone();
    meta.shape[axis] = width;
    meta.chunks[axis] = vec![width];
    let mut t = Tokenizer::new();
    t.str(edge.name())
        .str(&format!("{end:?} {width} {axis} {before}"));
    let plan = Ramp {
        end,
        width,
        axis,
        before,
    };
    let meta = Meta::new(meta.shape, meta.chunks, m.dtype);
    Ok(Array::from_op(
        "linear_ramp_chunk",
        &t,
        meta,
        Op::Plan {
            plan: Arc::new(plan),
            inputs: vec![edge.clone()],
        },
    ))
}

/// `da.pad(a, widths, 'linear_ramp', end_values=ends)`. Padded axes must be non-empty.
pub fn pad_ramp(
    a: &Array,
    widths: &[(usize, usize)],
    ends: &[(f64, f64)],
) -> Result<Array, ArrayError> {
    let mut cur = a.clone();
    for (ax, (&(b, af), &(eb, ea))) in widths.iter().zip(ends).enumerate() {
        if (b, af) == (0, 0) {
            continue;
        }
        let n = cur.axis_len(ax);
        let mut parts = Vec::with_capacity(3);
        if b > 0 {
            parts.push(ramp_side(&cur.range(ax, 0, 1, false)?, eb, b, ax, true)?);
        }
        parts.push(cur.clone());
        if af > 0 {
            parts.push(ramp_side(
                &cur.range(ax, n - 1, n, false)?,
                ea,
                af,
                ax,
                false,
            )?);
        }
        cur = concatenate(&parts, ax as isize)?;
    }
    Ok(cur)
}

/// `da.pad(a, widths, stat, stat_length=lengths)` for maximum, minimum and
/// mean (Dask has no median): the middle is `a`, every other of the 3^ndim
/// pieces the statistic of the matching corner of `a` (lengths clipped to
/// the axis), broadcast one block thick along its padded axes.
pub fn pad_stats(
    a: &Array,
    widths: &[(usize, usize)],
    lengths: &[(usize, usize)],
    stat: Stat,
) -> Result<Array, ArrayError> {
    let op = match stat {
        Stat::Max => ReduceOp::Max,
        Stat::Min => ReduceOp::Min,
        Stat::Mean => ReduceOp::Mean,
        Stat::Median => {
            return Err(ArrayError::NotImplemented(
                "`pad` does not support `mode` of `median`.".into(),
            ))
        }
    };
    let m = a.meta().clone();
    let nd = m.ndim();
    // Per axis, the sides present: 0 before, 1 the array, 2 after.
    let sides: Vec<Vec<u8>> = widths
        .iter()
        .map(|&(b, af)| {
            [(0u8, b), (1, 1), (2, af)]
                .iter()
                .filter(|s| s.1 > 0)
                .map(|s| s.0)
                .collect()
        })
        .collect();
    let piece = |pick: &[u8]| -> Result<Array, ArrayError> {
        let mut idx = Vec::with_capacity(nd);
        let (mut axes, mut shape, mut chunks) = (Vec::new(), Vec::new(), Vec::new());
        for (d, &i) in pick.iter().enumerate() {
            let (s, (b, af), (lb, la)) = (m.shape[d], widths[d], lengths[d]);
            let (sel, w) = match i {
                0 => (IndexItem::Slice(None, Some(lb.min(s) as i64), None), b),
                2 => (
                    IndexItem::Slice(Some((s - la.min(s)) as i64), None, None),
                    af,
                ),
                _ => (IndexItem::Slice(None, None, None), s),
            };
            idx.push(sel);
            shape.push(w);
            if i == 1 {
                chunks.push(m.chunks[d].clone());
            } else {
                axes.push(d as isize);
                chunks.push(vec![w]);
            }
        }
        let part = getitem(a, &idx)?;
        if axes.is_empty() {
            return Ok(part);
        }
        let s = reduce(&part, op, Some(&axes), true, 0, None)?;
        let s = broadcast_to(&s, &shape, Some(chunks))?;
        if stat != Stat::Mean {
            return Ok(s);
        }
        let s = if matches!(m.dtype.kind(), Kind::Int | Kind::UInt) {
            unary(UnaryOp::Rint, "rint", &s)?
        } else {
            s
        };
        astype(&s, m.dtype)
    };
    fn nest(
        sides: &[Vec<u8>],
        pick: &mut Vec<u8>,
        piece: &dyn Fn(&[u8]) -> Result<Array, ArrayError>,
    ) -> Result<Nested, ArrayError> {
        if pick.len() == sides.len() {
            return Ok(Nested::Leaf(piece(pick)?));
        }
        let mut out = Vec::new();
        for &i in &sides[pick.len()] {
            pick.push(i);
            out.push(nest(sides, pick, piece)?);
            pick.pop();
        }
        Ok(Nested::List(out))
    }
    if nd == 0 || widths.iter().all(|&w| w == (0, 0)) {
        return Ok(a.clone());
    }
    block(&nest(&sides, &mut Vec::new(), &piece)?)
}

#[cfg(test)]
#[path = "pad_modes_tests.rs"]
mod tests;
