//! Errors of the storage layer; `lang` turns them into `OSError`,
//! `FileNotFoundError`, `FileExistsError`, `ValueError` or `TypeError`.

use thiserror::Error;

/// Why a zarr array could not be opened, created, read or written.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum StoreError {
    /// Nothing (or no array) at the path.
    #[error("No such file or directory: '{0}' (no zarr array there)")]
    NotFound(String),
    /// `mode='w-'` and something is already there.
    #[error("'{0}' already exists")]
    Exists(String),
    /// The path holds a zarr group, not an array.
    #[error("'{0}' is a zarr group; open one of its arrays by path (e.g. '{0}/name')")]
    IsGroup(String),
    /// An HDF5 group already has a member of that name (h5py's ValueError).
    #[error("Unable to create {0} (name already exists): '{1}'")]
    NameTaken(&'static str, String),
    /// No member of that name in an HDF5 group (h5py's KeyError).
    #[error("{0}")]
    Key(String),
    /// A dtype Tessera's chunks cannot hold (strings, complex, datetimes...).
    #[error("zarr data type {0} is not supported by Tessera (supported: bool, int8–64, uint8–64, float32/64)")]
    DType(String),
    /// Shapes, chunks or regions that do not fit.
    #[error("{0}")]
    Shape(String),
    /// Writing to an array opened with `mode='r'`.
    #[error("this array was opened read-only (mode='r'); open it with mode='r+' or 'a' to write")]
    ReadOnly,
    /// A file that should be there is not (Python's FileNotFoundError).
    #[error("[Errno 2] No such file or directory: '{0}'")]
    FileNotFound(String),
    /// The file system or the zarr codec failed.
    #[error("{0}")]
    Io(String),
}

/// Results of this layer.
pub type Result<T> = std::result::Result<T, StoreError>;
