//! Errors raised by chunk kernels; `lang` maps them to Python exceptions.

use thiserror::Error;

/// Why a chunk kernel refused to run. Messages follow NumPy's wording.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ChunkError {
    /// Shapes that do not broadcast; message as NumPy's ValueError.
    #[error("operands could not be broadcast together with shapes {0} {1} ")]
    Broadcast(String, String),
    /// Generic shape problem (concatenate, reshape, assemble, ...).
    #[error("{0}")]
    Shape(String),
    /// A dtype string NumPy would not understand.
    #[error("data type '{0}' not understood")]
    UnknownDType(String),
    /// An operation that the dtype does not support (NumPy's TypeError/UFuncTypeError).
    #[error("{0}")]
    DType(String),
    /// An axis outside `-ndim..ndim` (NumPy's AxisError).
    #[error("axis {axis} is out of bounds for array of dimension {ndim}")]
    AxisOutOfBounds {
        /// The axis the caller gave.
        axis: isize,
        /// The array's number of dimensions.
        ndim: usize,
    },
    /// An index outside an axis (NumPy's IndexError).
    #[error("index {index} is out of bounds for axis {axis} with size {size}")]
    IndexOutOfBounds {
        /// The index the caller gave.
        index: isize,
        /// Which axis.
        axis: usize,
        /// That axis' length.
        size: usize,
    },
    /// Any other invalid value (NumPy's ValueError).
    #[error("{0}")]
    Value(String),
    /// An error raised by code a kernel called back into (a user function in
    /// `map_blocks`), kept whole so the layer that owns it can re-raise it.
    #[error("{0}")]
    Raised(Raised),
    /// A failed linear-algebra computation (NumPy's `numpy.linalg.LinAlgError`).
    #[error("{0}")]
    LinAlg(String),
    /// A result too large to allocate (NumPy's MemoryError).
    #[error("Unable to allocate {0} for an array with shape {1} and data type {2}")]
    AllocationTooLarge(String, String, String),
}

/// An opaque error from an upper layer, carried through chunk results.
#[derive(Clone)]
pub struct Raised(pub std::sync::Arc<dyn std::error::Error + Send + Sync>);

impl std::fmt::Debug for Raised {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Raised({})", self.0)
    }
}

impl std::fmt::Display for Raised {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl PartialEq for Raised {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

/// Result alias for chunk kernels.
pub type Result<T> = std::result::Result<T, ChunkError>;
