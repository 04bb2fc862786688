//! Errors of the lazy-array layer.

/// What can go wrong building or computing a lazy array.
#[derive(Debug, thiserror::Error)]
pub enum ArrayError {
    /// A chunk specification that does not fit the shape.
    #[error("{0}")]
    Chunks(String),
    /// Shapes that do not broadcast, bad axes, wrong sizes (NumPy's wording).
    #[error("{0}")]
    Shape(String),
    /// An operation that needs known chunk sizes met unknown ones.
    #[error("{0}")]
    UnknownChunks(String),
    /// An index outside the array (Python's IndexError).
    #[error("{0}")]
    Index(String),
    /// Bad argument values.
    #[error("{0}")]
    Value(String),
    /// Something Dask cannot do either (an uneven reshape): NotImplementedError.
    #[error("{0}")]
    NotImplemented(String),
}
