//! `random` (seedable xorshift; sequences differ from CPython's Mersenne Twister).

use super::new_module;
use crate::lang::builtins::{to_f64, to_int};
use crate::lang::exc::{self};
use crate::lang::value::Value;
use parking_lot::Mutex;
use std::sync::Arc;

/// xorshift64* state shared by the `random` module (seedable, thread-safe).
struct Rng(Mutex<u64>);

impl Rng {
    fn next_u64(&self) -> u64 {
        let mut s = self.0.lock();
        let mut x = *s;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        *s = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn float(&self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn below(&self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next_u64() % n
        }
    }
}

pub(super) fn random() -> Value {
    let m = new_module(
        "random",
        "Pseudo-random numbers (not CPython's Mersenne Twister: sequences differ).",
    );
    let seed0 = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(1)
        | 1;
    let rng = Arc::new(Rng(Mutex::new(seed0)));
    let r = rng.clone();
    m.func(
        "seed",
        "seed(a=None)",
        "Initialize the random number generator.",
        move |_vm, a| {
            let s = match a.pos.first() {
                Some(Value::Int(i)) => (*i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1,
                _ => 0x1234_5678_9abc_def1,
            };
            *r.0.lock() = s;
            Ok(Value::None)
        },
    );
    let r = rng.clone();
    m.func(
        "random",
        "random()",
        "Return the next random floating point number in the range 0.0 <= X < 1.0.",
        move |_vm, _a| Ok(Value::Float(r.float())),
    );
    let r = rng.clone();
    m.func(
        "uniform",
        "uniform(a, b)",
        "Get a random number in the range [a, b).",
        move |_vm, a| {
            a.exact("uniform", 2)?;
            let (x, y) = (to_f64(&a.pos[0])?, to_f64(&a.pos[1])?);
            Ok(Value::Float(x + (y - x) * r.float()))
        },
    );
    let r = rng.clone();
    m.func(
        "randint",
        "randint(a, b)",
        "Return random integer in range [a, b], including both end points.",
        move |_vm, a| {
            a.exact("randint", 2)?;
            let (x, y) = (to_int(&a.pos[0], "")?, to_int(&a.pos[1], "")?);
            if y < x {
                return Err(exc::value_error(format!(
                    "empty range for randrange() ({x}, {}, {})",
                    y + 1,
                    y + 1 - x
                )));
            }
            Ok(Value::Int(x + r.below((y - x + 1) as u64) as i64))
        },
    );
    let r = rng.clone();
    m.func(
        "randrange",
        "randrange(start, stop=None, step=1)",
        "Choose a random item from range(start, stop[, step]).",
        move |_vm, a| {
            let (s, e) = match a.pos.len() {
                1 => (0, to_int(&a.pos[0], "")?),
                _ => (to_int(&a.pos[0], "")?, to_int(&a.pos[1], "")?),
            };
            if e <= s {
                return Err(exc::value_error("empty range for randrange()"));
            }
            Ok(Value::Int(s + r.below((e - s) as u64) as i64))
        },
    );
    let r = rng.clone();
    m.func(
        "choice",
        "choice(seq)",
        "Choose a random element from a non-empty sequence.",
        move |vm, a| {
            let items = vm.iterate(a.pos.first().unwrap_or(&Value::None))?;
            if items.is_empty() {
                return Err(exc::new(
                    "IndexError",
                    "Cannot choose from an empty sequence",
                ));
            }
            Ok(items[r.below(items.len() as u64) as usize].clone())
        },
    );
    let r = rng.clone();
    m.func(
        "shuffle",
        "shuffle(x)",
        "Shuffle list x in place, and return None.",
        move |_vm, a| {
            if let Some(Value::List(l)) = a.pos.first() {
                let mut w = l.write();
                for i in (1..w.len()).rev() {
                    let j = r.below(i as u64 + 1) as usize;
                    w.swap(i, j);
                }
            }
            Ok(Value::None)
        },
    );
    let r = rng.clone();
    m.func(
        "gauss",
        "gauss(mu=0.0, sigma=1.0)",
        "Gaussian distribution.",
        move |_vm, a| {
            let mu = a.pos.first().map(to_f64).transpose()?.unwrap_or(0.0);
            let sd = a.pos.get(1).map(to_f64).transpose()?.unwrap_or(1.0);
            let (u1, u2) = (r.float().max(1e-300), r.float());
            Ok(Value::Float(
                mu + sd * (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos(),
            ))
        },
    );
    let r = rng;
    m.func(
        "sample",
        "sample(population, k)",
        "Chooses k unique random elements from a population sequence.",
        move |vm, a| {
            let mut items = vm.iterate(a.pos.first().unwrap_or(&Value::None))?;
            let k = to_int(a.pos.get(1).unwrap_or(&Value::Int(0)), "")? as usize;
            if k > items.len() {
                return Err(exc::value_error(
                    "Sample larger than population or is negative",
                ));
            }
            for i in 0..k {
                let j = i + r.below((items.len() - i) as u64) as usize;
                items.swap(i, j);
            }
            items.truncate(k);
            Ok(Value::list(items))
        },
    );
    Value::Module(m)
}
