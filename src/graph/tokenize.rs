//! Deterministic tokens: identical work gets identical names, in every process
//! and on every platform (XXH3-128 over a tagged, length-prefixed encoding).

use std::fmt;
use std::sync::Arc;

use xxhash_rust::xxh3::Xxh3;

/// A 128-bit content hash, shown as 32 lowercase hex digits (like Dask tokens).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Token(pub u128);

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:032x}", self.0)
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Token({self})")
    }
}

impl Token {
    /// The first 64 bits, for places where a short hash is enough.
    pub fn short(self) -> u64 {
        (self.0 >> 64) as u64
    }

    /// `prefix-<token>`: the name of an operation's keys.
    pub fn name(self, prefix: &str) -> Arc<str> {
        Arc::from(format!("{prefix}-{self}"))
    }
}

/// An incremental hasher. Every value is written with a type tag (and a length
/// for variable-sized data) so different sequences never encode the same way:
/// `("ab", "c")` and `("a", "bc")`, or `1u64` and `1.0f64`, get different tokens.
#[derive(Clone, Default)]
pub struct Tokenizer(Xxh3);

impl Tokenizer {
    /// A fresh tokenizer.
    pub fn new() -> Self {
        Self(Xxh3::new())
    }

    fn tag(&mut self, tag: u8) -> &mut Self {
        self.0.update(&[tag]);
        self
    }

    /// Feed raw bytes (length-prefixed).
    pub fn bytes(&mut self, b: &[u8]) -> &mut Self {
        self.tag(1).0.update(&(b.len() as u64).to_le_bytes());
        self.0.update(b);
        self
    }

    /// Feed a string.
    pub fn str(&mut self, s: &str) -> &mut Self {
        self.tag(2).0.update(&(s.len() as u64).to_le_bytes());
        self.0.update(s.as_bytes());
        self
    }

    /// Feed an unsigned integer.
    pub fn u64(&mut self, v: u64) -> &mut Self {
        self.tag(3).0.update(&v.to_le_bytes());
        self
    }

    /// Feed a signed integer.
    pub fn i64(&mut self, v: i64) -> &mut Self {
        self.tag(4).0.update(&v.to_le_bytes());
        self
    }

    /// Feed a float (all NaNs hash alike; -0.0 and 0.0 differ, as their bits do).
    pub fn f64(&mut self, v: f64) -> &mut Self {
        let bits = if v.is_nan() {
            f64::NAN.to_bits()
        } else {
            v.to_bits()
        };
        self.tag(5).0.update(&bits.to_le_bytes());
        self
    }

    /// Feed a boolean.
    pub fn bool(&mut self, v: bool) -> &mut Self {
        self.tag(6).0.update(&[v as u8]);
        self
    }

    /// Feed a sequence of small integers (shapes, chunk sizes, indices).
    pub fn u32s(&mut self, v: &[u32]) -> &mut Self {
        self.tag(7).0.update(&(v.len() as u64).to_le_bytes());
        for x in v {
            self.0.update(&x.to_le_bytes());
        }
        self
    }

    /// Feed another token (e.g. an input's name).
    pub fn token(&mut self, t: Token) -> &mut Self {
        self.tag(8).0.update(&t.0.to_le_bytes());
        self
    }

    /// Mark the start of a nested group of `len` items (lists, tuples, options).
    pub fn group(&mut self, len: usize) -> &mut Self {
        self.tag(9).0.update(&(len as u64).to_le_bytes());
        self
    }

    /// The token of everything fed so far.
    pub fn finish(&self) -> Token {
        Token(self.0.digest128())
    }
}

/// Types that have a deterministic token.
pub trait Tokenize {
    /// Feed this value to `t`.
    fn tokenize_into(&self, t: &mut Tokenizer);
}

/// The token of one value.
pub fn tokenize<T: Tokenize + ?Sized>(value: &T) -> Token {
    let mut t = Tokenizer::new();
    value.tokenize_into(&mut t);
    t.finish()
}

macro_rules! tok_via {
    ($method:ident as $cast:ty: $($t:ty),*) => {$(
        impl Tokenize for $t {
            fn tokenize_into(&self, t: &mut Tokenizer) {
                t.$method(*self as $cast);
            }
        }
    )*};
}
tok_via!(u64 as u64: u8, u16, u32, u64, usize);
tok_via!(i64 as i64: i8, i16, i32, i64, isize);
tok_via!(f64 as f64: f32, f64);

impl Tokenize for bool {
    fn tokenize_into(&self, t: &mut Tokenizer) {
        t.bool(*self);
    }
}

impl Tokenize for str {
    fn tokenize_into(&self, t: &mut Tokenizer) {
        t.str(self);
    }
}

impl Tokenize for String {
    fn tokenize_into(&self, t: &mut Tokenizer) {
        t.str(self);
    }
}

impl Tokenize for Token {
    fn tokenize_into(&self, t: &mut Tokenizer) {
        t.token(*self);
    }
}

impl<T: Tokenize + ?Sized> Tokenize for &T {
    fn tokenize_into(&self, t: &mut Tokenizer) {
        (**self).tokenize_into(t);
    }
}

impl<T: Tokenize> Tokenize for [T] {
    fn tokenize_into(&self, t: &mut Tokenizer) {
        t.group(self.len());
        for x in self {
            x.tokenize_into(t);
        }
    }
}

impl<T: Tokenize> Tokenize for Vec<T> {
    fn tokenize_into(&self, t: &mut Tokenizer) {
        self.as_slice().tokenize_into(t);
    }
}

impl<T: Tokenize> Tokenize for Option<T> {
    fn tokenize_into(&self, t: &mut Tokenizer) {
        match self {
            None => t.group(0),
            Some(v) => {
                t.group(1);
                v.tokenize_into(t);
                t
            }
        };
    }
}

macro_rules! tok_tuple {
    ($($n:ident $i:tt),*) => {
        impl<$($n: Tokenize),*> Tokenize for ($($n,)*) {
            fn tokenize_into(&self, t: &mut Tokenizer) {
                t.group([$($i),*].len());
                $(self.$i.tokenize_into(t);)*
            }
        }
    };
}
tok_tuple!(A 0, B 1);
tok_tuple!(A 0, B 1, C 2);
tok_tuple!(A 0, B 1, C 2, D 3);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_and_distinguishing() {
        let a = tokenize(&("ones", vec![10u32, 20], 1.5f64));
        assert_eq!(a, tokenize(&("ones", vec![10u32, 20], 1.5f64)));
        assert_eq!(a.to_string().len(), 32);
        assert_ne!(tokenize(&("ab", "c")), tokenize(&("a", "bc")));
        assert_ne!(tokenize(&1u64), tokenize(&1.0f64));
        assert_ne!(tokenize(&1u64), tokenize(&1i64));
        assert_ne!(tokenize(&vec![1u32]), tokenize(&vec![1u32, 0]));
        assert_eq!(tokenize(&f64::NAN), tokenize(&-f64::NAN));
        assert_eq!(tokenize(&5u8), tokenize(&5u64));
    }

    #[test]
    fn fixed_value_does_not_drift() {
        // XXH3-128 of a fixed encoding: guards against accidental format changes
        // that would silently rename every key between versions.
        let t = tokenize(&"tessera");
        let again = Tokenizer::new().str("tessera").finish();
        assert_eq!(t, again);
        let mut h = Xxh3::new();
        h.update(&[2]);
        h.update(&7u64.to_le_bytes());
        h.update(b"tessera");
        assert_eq!(t.0, h.digest128());
        assert_eq!(t.name("x").len(), 34);
    }
}
