//! Calling a user function on one block's arguments, on a scheduler thread:
//! what `map_blocks`, `blockwise` and `map_overlap` share. A user exception
//! travels as `ChunkError::Raised` so the cell re-raises it unchanged.

use crate::chunk::{Chunk, ChunkError, DType};
use crate::lang::eval::{Args, Vm};
use crate::lang::value::Value;
use std::sync::Arc;

/// The user's exception, carried whole so the cell re-raises it unchanged.
fn py_error(e: Box<crate::lang::exc::PyErr>) -> ChunkError {
    let raised = crate::lang::modules::dask_delayed::TaskRaised(e);
    ChunkError::Raised(crate::chunk::error::Raised(Arc::new(raised)))
}

/// Call the user function on one block's arguments on this (scheduler)
/// thread with a fresh `Vm`, and check that it returned a block of shape
/// `want`, cast to `dtype`. `op` names the operation in the shape error.
pub(super) fn call_block(
    ctx: &crate::lang::ExecContext,
    func: &Value,
    call: Args,
    want: &[usize],
    dtype: DType,
    op: &str,
    idx: &[u32],
) -> Result<Chunk, ChunkError> {
    let mut vm = Vm::new(ctx);
    let v = vm.call_value(func, call).map_err(py_error)?;
    let c = super::numpy::to_chunk(&v).map_err(py_error)?;
    if c.shape() != want {
        return Err(ChunkError::Shape(format!(
            "{op}: block {idx:?} came back with shape {} but the output's chunks say {}; \
             pass chunks= (and drop_axis=/new_axis=) describing the blocks the function returns",
            crate::chunk::shape_str(c.shape()),
            crate::chunk::shape_str(want)
        )));
    }
    if c.dtype() == dtype {
        Ok(c)
    } else {
        c.astype(dtype)
    }
}

/// The key prefix of a user function's blocks: its name, or `lambda`.
pub(super) fn func_prefix(func: &Value) -> String {
    match func {
        Value::Func(f) if !f.code.is_lambda => f.code.name.to_string(),
        _ => "lambda".to_string(),
    }
}
