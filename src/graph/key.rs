//! Task keys: an operation name (`prefix-token`) plus a block index, shown the way
//! Dask shows them: `('add-3f2a…', 0, 1)`.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use smallvec::SmallVec;

/// Block index of a key; inline for up to four dimensions.
pub type BlockIndex = SmallVec<[u32; 4]>;

/// The identity of one task's result. Equal keys mean identical work, which is
/// what lets merged graphs share tasks. The name is shared (`Arc`) by all blocks
/// of one operation, so building many keys is cheap.
#[derive(Clone)]
pub struct Key {
    name: Arc<str>,
    index: BlockIndex,
}

impl Key {
    /// A block key `(name, i, j, …)`.
    pub fn new(name: impl Into<Arc<str>>, index: &[u32]) -> Self {
        Self {
            name: name.into(),
            index: SmallVec::from_slice(index),
        }
    }

    /// A block key sharing an existing name (no allocation for ≤ 4 dimensions).
    pub fn block(name: &Arc<str>, index: &[u32]) -> Self {
        Self {
            name: name.clone(),
            index: SmallVec::from_slice(index),
        }
    }

    /// A key without block index (delayed-style: `'inc-…'`).
    pub fn named(name: impl Into<Arc<str>>) -> Self {
        Self::new(name, &[])
    }

    /// The full name, e.g. `sum-aggregate-<token>`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The shared name.
    pub fn name_arc(&self) -> &Arc<str> {
        &self.name
    }

    /// The block index (empty for delayed-style keys).
    pub fn index(&self) -> &[u32] {
        &self.index
    }

    /// The human part of the name (tokens dropped), see [`key_prefix`].
    pub fn prefix(&self) -> &str {
        key_prefix(&self.name)
    }
}

/// The name without its hexadecimal token words: `ones_like-add-sum-<hex>` →
/// `ones_like-add-sum`. A word is a token when it is at least 8 characters of
/// hexadecimal digits; everything from the first such word on is dropped.
pub fn key_prefix(name: &str) -> &str {
    let mut end = 0;
    for (i, word) in name.split('-').enumerate() {
        let is_token = word.len() >= 8 && word.bytes().all(|b| b.is_ascii_hexdigit());
        if is_token && i > 0 {
            break;
        }
        end += word.len() + usize::from(i > 0);
    }
    &name[..end.min(name.len())]
}

impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index
            && (Arc::ptr_eq(&self.name, &other.name) || self.name == other.name)
    }
}

impl Eq for Key {}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.name.hash(state);
        self.index.as_slice().hash(state);
    }
}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Key {
    fn cmp(&self, other: &Self) -> Ordering {
        self.name
            .cmp(&other.name)
            .then_with(|| self.index.as_slice().cmp(other.index.as_slice()))
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.index.is_empty() {
            return f.write_str(&self.name);
        }
        write!(f, "('{}'", self.name)?;
        for i in &self.index {
            write!(f, ", {i}")?;
        }
        f.write_str(")")
    }
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_like_dask() {
        assert_eq!(
            Key::new("ones-abc", &[0, 1]).to_string(),
            "('ones-abc', 0, 1)"
        );
        assert_eq!(Key::new("x", &[3]).to_string(), "('x', 3)");
        assert_eq!(Key::named("inc-123").to_string(), "inc-123");
    }

    #[test]
    fn equality_by_content_and_shared_names() {
        let n: Arc<str> = Arc::from("a-1");
        assert_eq!(Key::block(&n, &[1, 2]), Key::new("a-1", &[1, 2]));
        assert_ne!(Key::block(&n, &[1, 2]), Key::new("a-1", &[2, 1]));
        assert_ne!(Key::new("a-1", &[]), Key::new("a-2", &[]));
        assert!(Key::new("a", &[0, 5]) < Key::new("a", &[1, 0]));
    }

    #[test]
    fn prefix_drops_tokens() {
        let tok = "0123456789abcdef0123456789abcdef";
        assert_eq!(
            key_prefix(&format!("ones_like-add-sum-{tok}")),
            "ones_like-add-sum"
        );
        assert_eq!(key_prefix(&format!("sum-aggregate-{tok}")), "sum-aggregate");
        assert_eq!(key_prefix("inc"), "inc");
        assert_eq!(key_prefix("deadbeefcafe"), "deadbeefcafe");
        assert_eq!(Key::named(format!("inc-{tok}")).prefix(), "inc");
    }
}
