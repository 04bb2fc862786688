//! Errors of the kernel layer (sockets, framing, files).

/// What can go wrong in the kernel's protocol layer.
#[derive(Debug, thiserror::Error)]
pub enum KernelError {
    /// An incoming message failed verification or framing; it is dropped.
    #[error("message rejected: {0}")]
    Rejected(String),
    /// The connection file could not be read or parsed.
    #[error("connection file {path}: {reason}")]
    ConnectionFile {
        /// The file's path.
        path: String,
        /// Why it failed.
        reason: String,
    },
    /// A socket could not be bound or used.
    #[error("socket error: {0}")]
    Socket(#[from] jupyter_zmq_client::RuntimeError),
    /// Filesystem trouble (kernelspec install).
    #[error("{0}")]
    Io(#[from] std::io::Error),
}
