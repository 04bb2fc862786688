//! The block plan of `da.blockwise`: which blocks of each input an output
//! block reads (its own along output indices, all of them along contracted
//! ones, block 0 where an input has one block), and the call of the user
//! function on them (contracted blocks as nested lists, or concatenated).

use super::blockcall::call_block;
use super::objects::NdArrayObj;
use crate::array::{BlockPlan, Meta};
use crate::chunk::{self, Chunk, ChunkError};
use crate::lang::eval::Args;
use crate::lang::value::Value;
use arcstr::ArcStr;

/// What one axis of an input follows.
#[derive(Clone, Copy)]
pub(super) enum Role {
    /// Output axis `p`.
    Out(usize),
    /// A contracted index: every block along it.
    Dummy,
}

/// One array input of the plan.
pub(super) struct Input {
    pub(super) roles: Vec<Role>,
    pub(super) numblocks: Vec<usize>,
    pub(super) chunks: Vec<Vec<usize>>,
}

impl Input {
    /// The blocks output block `idx` reads, in C order.
    fn blocks(&self, idx: &[u32]) -> Vec<Vec<u32>> {
        let per_axis: Vec<Vec<u32>> = self
            .roles
            .iter()
            .zip(&self.numblocks)
            .map(|(r, &nb)| match r {
                Role::Out(_) if nb == 1 => vec![0],
                Role::Out(p) => vec![idx[*p]],
                Role::Dummy => (0..nb as u32).collect(),
            })
            .collect();
        per_axis.iter().fold(vec![Vec::new()], |acc, choices| {
            acc.iter()
                .flat_map(|pre| {
                    choices.iter().map(move |&c| {
                        let mut p = pre.clone();
                        p.push(c);
                        p
                    })
                })
                .collect()
        })
    }
    fn dummies(&self) -> Vec<usize> {
        self.roles
            .iter()
            .zip(&self.numblocks)
            .filter(|(r, _)| matches!(r, Role::Dummy))
            .map(|(_, &nb)| nb)
            .collect()
    }
    /// The function's argument made of `blocks` (all this input's reads).
    fn argument(&self, blocks: &[&Chunk], concatenate: bool) -> Result<Value, ChunkError> {
        let dummies = self.dummies();
        if dummies.is_empty() {
            return Ok(NdArrayObj::value(blocks[0].clone()));
        }
        if concatenate {
            let grid: Vec<Vec<usize>> = self
                .roles
                .iter()
                .enumerate()
                .map(|(ax, r)| match r {
                    Role::Dummy => self.chunks[ax].clone(),
                    Role::Out(_) => vec![blocks[0].shape()[ax]],
                })
                .collect();
            let c = chunk::blocks::assemble(blocks, &grid, blocks[0].dtype())?;
            return Ok(NdArrayObj::value(c));
        }
        Ok(nest(blocks, &dummies))
    }
}

/// Blocks as nested lists, one level per contracted index.
fn nest(blocks: &[&Chunk], dims: &[usize]) -> Value {
    match dims.split_first() {
        None => NdArrayObj::value(blocks[0].clone()),
        Some((&n, rest)) => {
            let step = blocks.len() / n.max(1);
            Value::list(
                (0..n)
                    .map(|k| nest(&blocks[k * step..(k + 1) * step], rest))
                    .collect(),
            )
        }
    }
}

/// One argument of the user function: an array input or a constant.
#[derive(Clone)]
pub(super) enum Arg {
    Array(usize),
    Const(Value),
}

/// Calls the user function on the blocks each output block reads.
pub(super) struct Blockwise {
    pub(super) func: Value,
    pub(super) args: Vec<Arg>,
    pub(super) kwargs: Vec<(ArcStr, Value)>,
    pub(super) inputs: Vec<Input>,
    pub(super) concatenate: bool,
    pub(super) out: Meta,
    pub(super) ctx: crate::lang::ExecContext,
}

impl BlockPlan for Blockwise {
    fn name(&self) -> &str {
        "blockwise"
    }
    fn reads(&self, idx: &[u32]) -> Vec<(usize, Vec<u32>)> {
        self.inputs
            .iter()
            .enumerate()
            .flat_map(|(k, inp)| inp.blocks(idx).into_iter().map(move |b| (k, b)))
            .collect()
    }
    fn run(&self, idx: &[u32], blocks: &[&Chunk]) -> Result<Chunk, ChunkError> {
        let mut values = Vec::with_capacity(self.inputs.len());
        let mut at = 0;
        for inp in &self.inputs {
            let n = inp.dummies().iter().product::<usize>();
            values.push(inp.argument(&blocks[at..at + n], self.concatenate)?);
            at += n;
        }
        let pos = self
            .args
            .iter()
            .map(|a| match a {
                Arg::Array(k) => values[*k].clone(),
                Arg::Const(v) => v.clone(),
            })
            .collect();
        let mut call = Args::pos(pos);
        call.kw = self.kwargs.clone();
        let want = self.out.block_shape(idx);
        call_block(
            &self.ctx,
            &self.func,
            call,
            &want,
            self.out.dtype,
            "blockwise",
            idx,
        )
    }
}
