//! The MIME bundle every displayed value becomes.

use std::collections::BTreeMap;

/// A display's representations keyed by MIME type; `text/plain` is always present.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MimeBundle {
    /// MIME type → content (text for textual types, base64 for binary ones).
    pub data: BTreeMap<String, String>,
}

impl MimeBundle {
    /// A bundle with only `text/plain`.
    pub fn plain(text: impl Into<String>) -> Self {
        let mut data = BTreeMap::new();
        data.insert("text/plain".to_string(), text.into());
        Self { data }
    }

    /// Add (or replace) one representation.
    pub fn with(mut self, mime: &str, content: impl Into<String>) -> Self {
        self.data.insert(mime.to_string(), content.into());
        self
    }

    /// The `text/plain` representation ("" if missing).
    pub fn text(&self) -> &str {
        self.data
            .get("text/plain")
            .map(String::as_str)
            .unwrap_or("")
    }
}
