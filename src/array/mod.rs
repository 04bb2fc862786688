//! Lazy n-d arrays: an `Arc`'d expression plus metadata; building is O(1) per
//! operation, per-block tasks exist only when computed or drawn.

pub mod block;
pub mod broadcast;
pub mod chunks;
pub mod compute;
pub mod creation;
pub mod diff;
pub mod disk;
pub mod einsum;
mod einsum_chunks;
pub mod elementwise;
pub mod error;
mod fused;
pub mod histogram;
pub mod join;
pub mod kernels;
pub mod linalg;
pub mod lower;
pub mod manipulation;
pub mod mask;
pub mod meta;
pub mod nanfix;
pub mod node;
pub mod npystack;
pub mod overlap;
mod overlap_plan;
pub mod pad;
pub mod pad_modes;
mod part_read;
pub mod rechunk_auto;
mod reduce_tasks;
pub mod reduction;
pub mod repeat;
pub mod reshape;
pub mod scan;
pub mod select;
pub mod setitem;
pub mod setitem_index;
pub mod setops;
pub mod slicing;
mod stream;
pub mod take;
pub mod topk;
pub mod unify;

pub use chunks::{AxisSpec, ChunkSpec};
pub use compute::{compute, persist, ComputeError, ComputeOptions};
pub use error::ArrayError;
pub use meta::{Meta, UNKNOWN};
pub use node::{Array, AxisIndex, BlockPlan, Op};
pub use slicing::IndexItem;

#[cfg(test)]
mod breadth_tests;
#[cfg(test)]
mod fused_tests;
#[cfg(test)]
mod overlap_tests;
#[cfg(test)]
mod parity_tests;
#[cfg(test)]
mod tests;
