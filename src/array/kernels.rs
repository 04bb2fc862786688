//! Per-block functions used by `Op::Map`: elementwise operators, ufuncs, casts.

use super::node::BlockKernel;
use crate::chunk::{self, BinaryOp, Chunk, ChunkError, DType, PyScalar, UnaryOp};

/// `a <op> b` on two aligned blocks (NumPy broadcasting inside the block).
pub struct Binary(pub BinaryOp);

impl BlockKernel for Binary {
    fn name(&self) -> &str {
        self.0.ufunc_name()
    }
    fn run(&self, inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        chunk::binary(self.0, inputs[0], inputs[1])
    }
    fn elementwise(&self) -> bool {
        true
    }
}

/// `a <op> scalar` (or `scalar <op> a` when `scalar_left`).
pub struct BinaryScalar {
    /// The operator.
    pub op: BinaryOp,
    /// The Python scalar operand.
    pub scalar: PyScalar,
    /// Whether the scalar is the left operand.
    pub scalar_left: bool,
}

impl BlockKernel for BinaryScalar {
    fn name(&self) -> &str {
        self.op.ufunc_name()
    }
    fn run(&self, inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        chunk::binary_scalar(self.op, inputs[0], self.scalar, self.scalar_left)
    }
    fn elementwise(&self) -> bool {
        true
    }
}

/// A one-input ufunc (`sin`, `negative`, `isnan`, ...).
pub struct Unary(pub UnaryOp, pub &'static str);

impl BlockKernel for Unary {
    fn name(&self) -> &str {
        self.1
    }
    fn run(&self, inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        chunk::unary(self.0, inputs[0])
    }
    fn elementwise(&self) -> bool {
        true
    }
}

/// `astype(dtype)`.
pub struct AsType(pub DType);

impl BlockKernel for AsType {
    fn name(&self) -> &str {
        "astype"
    }
    fn run(&self, inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        inputs[0].astype(self.0)
    }
    fn elementwise(&self) -> bool {
        true
    }
}

/// `np.round(x, decimals)`.
pub struct Round(pub i32);

impl BlockKernel for Round {
    fn name(&self) -> &str {
        "round"
    }
    fn run(&self, inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        chunk::round(inputs[0], self.0)
    }
    fn elementwise(&self) -> bool {
        true
    }
}
