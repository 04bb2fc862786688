//! Rendering of values' metadata into MIME bundles (text/plain, text/html, image/svg+xml).
//! Pure functions of metadata; never reads dialect values (the dialect asks for a bundle).
//! Inputs are small plain structs defined here, filled in by the upper layers.

#![warn(missing_docs)]

pub mod array_repr;
pub mod bundle;
pub mod cards;
pub mod chunks_svg;
pub mod cluster;
pub mod colors;
pub mod error;
pub mod figure;
pub mod graph_svg;
pub mod graph_view;
pub mod html;
pub mod layers_repr;
pub mod layout;
pub mod profile;
pub mod progress;
pub mod resource;
pub mod svg;
pub mod sweep;
pub mod task_stream;
pub mod units;
#[cfg(test)]
pub(crate) mod xmlcheck;

pub use bundle::MimeBundle;
pub use error::DisplayError;
#[cfg(test)]
mod gallery;
#[cfg(test)]
mod gallery_more;
