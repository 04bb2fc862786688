//! Arrays on disk: the zarr format (v2 and v3, through the `zarrs` crate) and
//! HDF5 files (through `hdf5-metno`): open or create an array, read and write
//! rectangular regions as chunks.
//! Knows chunks only; `array` builds lazy sources and store plans on top, and
//! `lang` offers it as a `zarr` module and `da.to_zarr`/`da.from_zarr`.
//! Every zarr key is written through a temporary file and a rename, so an
//! interrupted write never leaves a torn chunk.

mod chunking;
mod error;
mod fs;
mod hdf5;
pub mod npystack;
mod zarr;

pub use chunking::guess_chunks;
pub use error::{Result, StoreError};
pub use fs::is_temporary;
pub use hdf5::{H5Dataset, H5Group, H5Member, H5Mode, NewDataset};
pub use zarr::{NewArray, ZarrArray, ZarrFormat};

use crate::chunk::{Chunk, DType};

/// The ranges of the region at `offset` with `extent` in an array of `shape`,
/// or why it does not fit (wrong rank, or past an edge).
pub fn region_ranges(
    shape: &[usize],
    offset: &[usize],
    extent: &[usize],
) -> Result<Vec<std::ops::Range<usize>>> {
    if offset.len() != shape.len() || extent.len() != shape.len() {
        return Err(StoreError::Shape(format!(
            "a region of rank {} does not fit an array of rank {}",
            extent.len(),
            shape.len()
        )));
    }
    (0..shape.len())
        .map(|ax| {
            let end = offset[ax] + extent[ax];
            if end > shape[ax] {
                return Err(StoreError::Shape(format!(
                    "region {offset:?}+{extent:?} is outside the array's shape {shape:?}"
                )));
            }
            Ok(offset[ax]..end)
        })
        .collect()
}

/// An n-d array on disk that reads and writes rectangular regions: what a
/// lazy source reads from and a store plan writes into, whatever the format.
pub trait DiskArray: Send + Sync {
    /// Shape.
    fn shape(&self) -> &[usize];
    /// Element type.
    fn dtype(&self) -> DType;
    /// The chunk shape the data is stored in, if any (reads align to it).
    fn storage_chunks(&self) -> Option<Vec<usize>>;
    /// Where it lives (`file://x.zarr`, `a.h5:/x`): names and error messages.
    fn location(&self) -> String;
    /// Whether writes are refused.
    fn read_only(&self) -> bool;
    /// Read the region at `offset` with `shape`.
    fn read(&self, offset: &[usize], shape: &[usize]) -> Result<Chunk>;
    /// Write `data` at `offset` (cast to the array's dtype).
    fn write(&self, offset: &[usize], data: &Chunk) -> Result<()>;
    /// The whole array.
    fn read_all(&self) -> Result<Chunk> {
        self.read(&vec![0; self.shape().len()], self.shape())
    }
}

impl DiskArray for ZarrArray {
    fn shape(&self) -> &[usize] {
        ZarrArray::shape(self)
    }
    fn dtype(&self) -> DType {
        ZarrArray::dtype(self)
    }
    fn storage_chunks(&self) -> Option<Vec<usize>> {
        Some(self.chunks().to_vec())
    }
    fn location(&self) -> String {
        ZarrArray::location(self).to_string()
    }
    fn read_only(&self) -> bool {
        ZarrArray::read_only(self)
    }
    fn read(&self, offset: &[usize], shape: &[usize]) -> Result<Chunk> {
        ZarrArray::read(self, offset, shape)
    }
    fn write(&self, offset: &[usize], data: &Chunk) -> Result<()> {
        ZarrArray::write(self, offset, data)
    }
}

impl DiskArray for H5Dataset {
    fn shape(&self) -> &[usize] {
        H5Dataset::shape(self)
    }
    fn dtype(&self) -> DType {
        H5Dataset::dtype(self)
    }
    fn storage_chunks(&self) -> Option<Vec<usize>> {
        self.chunks().map(<[usize]>::to_vec)
    }
    fn location(&self) -> String {
        format!("{}:{}", self.filename().display(), self.name())
    }
    fn read_only(&self) -> bool {
        H5Dataset::read_only(self)
    }
    fn read(&self, offset: &[usize], shape: &[usize]) -> Result<Chunk> {
        H5Dataset::read(self, offset, shape)
    }
    fn write(&self, offset: &[usize], data: &Chunk) -> Result<()> {
        H5Dataset::write(self, offset, data)
    }
}
