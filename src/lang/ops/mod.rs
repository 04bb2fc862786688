//! Python operator semantics: arithmetic with overflow checks and floor rules,
//! the NotImplemented/reflected protocol, comparisons, and subscripting.

mod arith;
mod cmp;
mod item;

pub use arith::{binop, inplace, int_op, unary};
pub use cmp::{richcmp, sort_values, values_eq};
pub use item::{delitem, getitem, norm_index, setitem, slice_indices};
