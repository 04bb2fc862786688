//! Execution of task graphs on rayon (threads) or in order (sync). Knows nothing of Jupyter.

pub mod cancel;

pub use cancel::CancelToken;
