//! Lazy n-d arrays: an `Arc`'d expression plus metadata; building is O(1) per operation.

pub mod chunks;
pub mod error;

pub use error::ArrayError;
