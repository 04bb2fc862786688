//! Lazy `nan_to_num`: the chunk kernel on every block (elementwise).

use super::elementwise::blockwise;
use super::error::ArrayError;
use super::node::{Array, BlockKernel};
use crate::chunk::{nanfix, Chunk, ChunkError};
use crate::graph::Tokenizer;
use std::sync::Arc;

struct NanToNum {
    nan: f64,
    posinf: Option<f64>,
    neginf: Option<f64>,
}

impl BlockKernel for NanToNum {
    fn name(&self) -> &str {
        "nan_to_num"
    }
    fn run(&self, inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        nanfix::nan_to_num(inputs[0], self.nan, self.posinf, self.neginf)
    }
    fn elementwise(&self) -> bool {
        true
    }
}

/// `da.nan_to_num(a, nan, posinf, neginf)`: same chunks and dtype as `a`.
pub fn nan_to_num(
    a: &Array,
    nan: f64,
    posinf: Option<f64>,
    neginf: Option<f64>,
) -> Result<Array, ArrayError> {
    let mut t = Tokenizer::new();
    t.str("nan_to_num").u64(nan.to_bits());
    for v in [posinf, neginf] {
        t.u64(v.map_or(u64::MAX, f64::to_bits)).bool(v.is_some());
    }
    blockwise(
        Arc::new(NanToNum {
            nan,
            posinf,
            neginf,
        }),
        std::slice::from_ref(a),
        &t,
    )
}
