//! Arrays on disk in the zarr format (v2 and v3), through the `zarrs` crate:
//! open or create an array, read and write rectangular regions as chunks.
//! Knows chunks only; `array` builds lazy sources and store plans on top, and
//! `lang` offers it as a `zarr` module and `da.to_zarr`/`da.from_zarr`.
//! Every key is written through a temporary file and a rename, so an
//! interrupted write never leaves a torn chunk.

mod chunking;
mod error;
mod fs;
mod zarr;

pub use chunking::guess_chunks;
pub use error::{Result, StoreError};
pub use fs::is_temporary;
pub use zarr::{NewArray, ZarrArray, ZarrFormat};
