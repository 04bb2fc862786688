//! Tessera: a native Jupyter kernel for lazy chunked arrays.
//!
//! The code map, with one invariant per module, is in `ARCHITECTURE.md`.
//! Dependency order (a module imports only modules to its right):
//! `fuzzing → kernel → session → magics → lang → display → array → graph → sched → store → chunk`.

pub mod alloc;
pub mod array;
pub mod chunk;
pub mod delayed;
pub mod display;
pub mod fuzzing;
pub mod graph;
pub mod kernel;
pub mod lang;
pub mod magics;
pub mod notebook;
pub mod sched;
pub mod session;
pub mod store;
