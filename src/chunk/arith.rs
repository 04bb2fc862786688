//! Per-element arithmetic with NumPy semantics: wrapping ints, Python-style
//! floor division and modulo, zero results for integer division by zero,
//! NaN-propagating maximum/minimum.

use super::Elem;

/// Numeric (int or float) element operations used by the elementwise and
/// reduction kernels.
pub trait Arith: Elem {
    /// Additive identity.
    const ZERO: Self;
    /// Multiplicative identity.
    const ONE: Self;
    /// Largest value (or +inf).
    const MAX: Self;
    /// Smallest value (or -inf).
    const MIN: Self;
    /// `a + b` (wrapping for ints).
    fn add(self, b: Self) -> Self;
    /// `a - b` (wrapping for ints).
    fn sub(self, b: Self) -> Self;
    /// `a * b` (wrapping for ints).
    fn mul(self, b: Self) -> Self;
    /// `a // b` with Python's floor semantics; ints: 0 on division by zero.
    fn floordiv(self, b: Self) -> Self;
    /// `a % b` with the sign of `b`; ints: 0 on division by zero.
    fn pymod(self, b: Self) -> Self;
    /// `a ** b` (ints: wrapping, callers reject negative exponents).
    fn pow(self, b: Self) -> Self;
    /// `np.maximum` (NaN propagates).
    fn maximum(self, b: Self) -> Self;
    /// `np.minimum` (NaN propagates).
    fn minimum(self, b: Self) -> Self;
    /// `np.fmax` (NaN ignored unless both are NaN).
    fn fmax(self, b: Self) -> Self {
        if b.is_nan() {
            self
        } else if self.is_nan() {
            b
        } else {
            self.maximum(b)
        }
    }
    /// `np.fmin` (NaN ignored unless both are NaN).
    fn fmin(self, b: Self) -> Self {
        if b.is_nan() {
            self
        } else if self.is_nan() {
            b
        } else {
            self.minimum(b)
        }
    }
    /// `-a` (wrapping for ints, including unsigned).
    fn neg(self) -> Self;
    /// `abs(a)` (wrapping for the most negative int).
    fn abs(self) -> Self;
    /// `np.sign`.
    fn sign(self) -> Self;
}

macro_rules! signed_arith {
    ($t:ty) => {
        impl Arith for $t {
            const ZERO: Self = 0;
            const ONE: Self = 1;
            const MAX: Self = <$t>::MAX;
            const MIN: Self = <$t>::MIN;
            #[inline]
            fn add(self, b: Self) -> Self {
                self.wrapping_add(b)
            }
            #[inline]
            fn sub(self, b: Self) -> Self {
                self.wrapping_sub(b)
            }
            #[inline]
            fn mul(self, b: Self) -> Self {
                self.wrapping_mul(b)
            }
            #[inline]
            fn floordiv(self, b: Self) -> Self {
                if b == 0 {
                    return 0;
                }
                let q = self.wrapping_div(b);
                if self.wrapping_rem(b) != 0 && ((self < 0) != (b < 0)) {
                    q - 1
                } else {
                    q
                }
            }
            #[inline]
            fn pymod(self, b: Self) -> Self {
                if b == 0 {
                    return 0;
                }
                let r = self.wrapping_rem(b);
                if r != 0 && ((r < 0) != (b < 0)) {
                    r + b
                } else {
                    r
                }
            }
            #[inline]
            fn pow(self, b: Self) -> Self {
                if b < 0 {
                    return 0;
                }
                self.wrapping_pow(b as u32)
            }
            #[inline]
            fn maximum(self, b: Self) -> Self {
                if self >= b {
                    self
                } else {
                    b
                }
            }
            #[inline]
            fn minimum(self, b: Self) -> Self {
                if self <= b {
                    self
                } else {
                    b
                }
            }
            #[inline]
            fn neg(self) -> Self {
                self.wrapping_neg()
            }
            #[inline]
            fn abs(self) -> Self {
                self.wrapping_abs()
            }
            #[inline]
            fn sign(self) -> Self {
                self.signum()
            }
        }
    };
}

macro_rules! unsigned_arith {
    ($t:ty) => {
        impl Arith for $t {
            const ZERO: Self = 0;
            const ONE: Self = 1;
            const MAX: Self = <$t>::MAX;
            const MIN: Self = <$t>::MIN;
            #[inline]
            fn add(self, b: Self) -> Self {
                self.wrapping_add(b)
            }
            #[inline]
            fn sub(self, b: Self) -> Self {
                self.wrapping_sub(b)
            }
            #[inline]
            fn mul(self, b: Self) -> Self {
                self.wrapping_mul(b)
            }
            #[inline]
            fn floordiv(self, b: Self) -> Self {
                if b == 0 {
                    0
                } else {
                    self / b
                }
            }
            #[inline]
            fn pymod(self, b: Self) -> Self {
                if b == 0 {
                    0
                } else {
                    self % b
                }
            }
            #[inline]
            fn pow(self, b: Self) -> Self {
                self.wrapping_pow(b.min(u32::MAX as $t) as u32)
            }
            #[inline]
            fn maximum(self, b: Self) -> Self {
                if self >= b {
                    self
                } else {
                    b
                }
            }
            #[inline]
            fn minimum(self, b: Self) -> Self {
                if self <= b {
                    self
                } else {
                    b
                }
            }
            #[inline]
            fn neg(self) -> Self {
                self.wrapping_neg()
            }
            #[inline]
            fn abs(self) -> Self {
                self
            }
            #[inline]
            fn sign(self) -> Self {
                (self > 0) as $t
            }
        }
    };
}

signed_arith!(i8);
signed_arith!(i16);
signed_arith!(i32);
signed_arith!(i64);
unsigned_arith!(u8);
unsigned_arith!(u16);
unsigned_arith!(u32);
unsigned_arith!(u64);

macro_rules! float_arith {
    ($t:ty) => {
        impl Arith for $t {
            const ZERO: Self = 0.0;
            const ONE: Self = 1.0;
            const MAX: Self = <$t>::INFINITY;
            const MIN: Self = <$t>::NEG_INFINITY;
            #[inline]
            fn add(self, b: Self) -> Self {
                self + b
            }
            #[inline]
            fn sub(self, b: Self) -> Self {
                self - b
            }
            #[inline]
            fn mul(self, b: Self) -> Self {
                self * b
            }
            #[inline]
            fn floordiv(self, b: Self) -> Self {
                if b == 0.0 {
                    return self / b;
                }
                let (div, _) = float_divmod(self, b);
                div
            }
            #[inline]
            fn pymod(self, b: Self) -> Self {
                if b == 0.0 {
                    return <$t>::NAN;
                }
                float_divmod(self, b).1
            }
            #[inline]
            fn pow(self, b: Self) -> Self {
                self.powf(b)
            }
            #[inline]
            fn maximum(self, b: Self) -> Self {
                if self.is_nan() || self >= b {
                    self
                } else {
                    b
                }
            }
            #[inline]
            fn minimum(self, b: Self) -> Self {
                if self.is_nan() || self <= b {
                    self
                } else {
                    b
                }
            }
            #[inline]
            fn neg(self) -> Self {
                -self
            }
            #[inline]
            fn abs(self) -> Self {
                <$t>::abs(self)
            }
            #[inline]
            fn sign(self) -> Self {
                if self > 0.0 {
                    1.0
                } else if self < 0.0 {
                    -1.0
                } else {
                    self
                }
            }
        }
    };
}

float_arith!(f32);
float_arith!(f64);

/// Python's float divmod: floor quotient and a remainder with the sign of `b`.
#[inline]
fn float_divmod<T: num_traits::Float>(a: T, b: T) -> (T, T) {
    let zero = T::zero();
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != zero {
        if (b < zero) != (m < zero) {
            m = m + b;
            div = div - T::one();
        }
    } else {
        m = if b < zero { -zero } else { zero };
    }
    let floordiv = if div != zero {
        let f = div.floor();
        if div - f > T::from(0.5).expect("0.5") {
            f + T::one()
        } else {
            f
        }
    } else if (a / b) < zero {
        -zero
    } else {
        zero
    };
    (floordiv, m)
}

/// Float-only element operations (transcendental ufuncs).
pub trait FloatArith: Arith + num_traits::Float {}
impl FloatArith for f32 {}
impl FloatArith for f64 {}
