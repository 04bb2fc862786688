//! Rendering of values' metadata into MIME bundles (text/plain, text/html, image/svg+xml).
//! Pure functions of metadata; never reads dialect values (the dialect asks for a bundle).

pub mod bundle;

pub use bundle::MimeBundle;
