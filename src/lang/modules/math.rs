//! `math`: the common functions and constants.

use super::new_module;
use crate::lang::builtins::{float_to_int, to_f64, to_int};
use crate::lang::exc::{self, PyResult};
use crate::lang::value::Value;

fn domain() -> Box<exc::PyErr> {
    exc::value_error("math domain error")
}

fn checked(f: f64, x: f64) -> PyResult<Value> {
    if f.is_nan() && !x.is_nan() {
        return Err(domain());
    }
    if f.is_infinite() && x.is_finite() {
        return Err(exc::new("OverflowError", "math range error"));
    }
    Ok(Value::Float(f))
}

pub(super) fn build() -> Value {
    let m = new_module("math", "Mathematical functions defined by the C standard.");
    m.set("pi", Value::Float(std::f64::consts::PI));
    m.set("e", Value::Float(std::f64::consts::E));
    m.set("tau", Value::Float(std::f64::consts::TAU));
    m.set("inf", Value::Float(f64::INFINITY));
    m.set("nan", Value::Float(f64::NAN));
    type Unary = (&'static str, fn(f64) -> f64, &'static str);
    let unary: Vec<Unary> = vec![
        (
            "sin",
            f64::sin,
            "Return the sine of x (measured in radians).",
        ),
        (
            "cos",
            f64::cos,
            "Return the cosine of x (measured in radians).",
        ),
        (
            "tan",
            f64::tan,
            "Return the tangent of x (measured in radians).",
        ),
        (
            "asin",
            f64::asin,
            "Return the arc sine (measured in radians) of x.",
        ),
        (
            "acos",
            f64::acos,
            "Return the arc cosine (measured in radians) of x.",
        ),
        (
            "atan",
            f64::atan,
            "Return the arc tangent (measured in radians) of x.",
        ),
        ("sinh", f64::sinh, "Return the hyperbolic sine of x."),
        ("cosh", f64::cosh, "Return the hyperbolic cosine of x."),
        ("tanh", f64::tanh, "Return the hyperbolic tangent of x."),
        ("exp", f64::exp, "Return e raised to the power of x."),
        ("expm1", f64::exp_m1, "Return exp(x)-1."),
        ("log2", f64::log2, "Return the base 2 logarithm of x."),
        ("log10", f64::log10, "Return the base 10 logarithm of x."),
        (
            "log1p",
            f64::ln_1p,
            "Return the natural logarithm of 1+x (base e).",
        ),
        (
            "fabs",
            f64::abs,
            "Return the absolute value of the float x.",
        ),
        (
            "degrees",
            f64::to_degrees,
            "Convert angle x from radians to degrees.",
        ),
        (
            "radians",
            f64::to_radians,
            "Convert angle x from degrees to radians.",
        ),
    ];
    for (name, f, doc) in unary {
        m.func(name, &format!("{name}(x, /)"), doc, move |_vm, a| {
            a.exact(name, 1)?;
            let x = to_f64(&a.pos[0])?;
            if matches!(name, "log2" | "log10") && x <= 0.0 {
                return Err(domain());
            }
            checked(f(x), x)
        });
    }
    m.func(
        "sqrt",
        "sqrt(x, /)",
        "Return the square root of x.",
        |_vm, a| {
            a.exact("sqrt", 1)?;
            let x = to_f64(&a.pos[0])?;
            if x < 0.0 {
                return Err(domain());
            }
            Ok(Value::Float(x.sqrt()))
        },
    );
    m.func(
        "log",
        "log(x, [base=math.e])",
        "Return the logarithm of x to the given base.",
        |_vm, a| {
            let x = to_f64(a.pos.first().unwrap_or(&Value::None))?;
            if x <= 0.0 {
                return Err(domain());
            }
            match a.pos.get(1) {
                Some(b) => {
                    let b = to_f64(b)?;
                    if b <= 0.0 || b == 1.0 {
                        return Err(if b == 1.0 {
                            exc::new("ZeroDivisionError", "float division by zero")
                        } else {
                            domain()
                        });
                    }
                    Ok(Value::Float(x.ln() / b.ln()))
                }
                None => Ok(Value::Float(x.ln())),
            }
        },
    );
    m.func(
        "pow",
        "pow(x, y, /)",
        "Return x**y (x to the power of y).",
        |_vm, a| {
            a.exact("pow", 2)?;
            let (x, y) = (to_f64(&a.pos[0])?, to_f64(&a.pos[1])?);
            checked(x.powf(y), x)
        },
    );
    m.func(
        "atan2",
        "atan2(y, x, /)",
        "Return the arc tangent (measured in radians) of y/x.",
        |_vm, a| {
            a.exact("atan2", 2)?;
            Ok(Value::Float(to_f64(&a.pos[0])?.atan2(to_f64(&a.pos[1])?)))
        },
    );
    m.func(
        "hypot",
        "hypot(*coordinates)",
        "Multidimensional Euclidean distance from the origin to a point.",
        |_vm, a| {
            let mut s = 0.0;
            for v in &a.pos {
                let x = to_f64(v)?;
                s += x * x;
            }
            Ok(Value::Float(s.sqrt()))
        },
    );
    for (name, f) in [
        ("floor", f64::floor as fn(f64) -> f64),
        ("ceil", f64::ceil),
        ("trunc", f64::trunc),
    ] {
        m.func(
            name,
            &format!("{name}(x, /)"),
            "Round x to an integral value, returned as an int.",
            move |_vm, a| {
                a.exact(name, 1)?;
                match &a.pos[0] {
                    Value::Int(i) => Ok(Value::Int(*i)),
                    Value::Bool(b) => Ok(Value::Int(*b as i64)),
                    v => Ok(Value::Int(float_to_int(f(to_f64(v)?))?)),
                }
            },
        );
    }
    m.func(
        "isnan",
        "isnan(x, /)",
        "Return True if x is a NaN (not a number), and False otherwise.",
        |_vm, a| {
            a.exact("isnan", 1)?;
            Ok(Value::Bool(to_f64(&a.pos[0])?.is_nan()))
        },
    );
    m.func(
        "isinf",
        "isinf(x, /)",
        "Return True if x is a positive or negative infinity, and False otherwise.",
        |_vm, a| {
            a.exact("isinf", 1)?;
            Ok(Value::Bool(to_f64(&a.pos[0])?.is_infinite()))
        },
    );
    m.func(
        "isfinite",
        "isfinite(x, /)",
        "Return True if x is neither an infinity nor a NaN, and False otherwise.",
        |_vm, a| {
            a.exact("isfinite", 1)?;
            Ok(Value::Bool(to_f64(&a.pos[0])?.is_finite()))
        },
    );
    m.func(
        "isclose",
        "isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)",
        "Determine whether two floating point numbers are close in value.",
        |_vm, mut a| {
            let rel = match a.take_kw("rel_tol") {
                Some(v) => to_f64(&v)?,
                None => 1e-9,
            };
            let abs = match a.take_kw("abs_tol") {
                Some(v) => to_f64(&v)?,
                None => 0.0,
            };
            a.exact("isclose", 2)?;
            let (x, y) = (to_f64(&a.pos[0])?, to_f64(&a.pos[1])?);
            if x == y {
                return Ok(Value::Bool(true));
            }
            let d = (x - y).abs();
            Ok(Value::Bool(
                d <= (rel * y.abs()).max(rel * x.abs()) || d <= abs,
            ))
        },
    );
    m.func("factorial", "factorial(n, /)", "Find n!.", |_vm, a| {
        a.exact("factorial", 1)?;
        let n = to_int(&a.pos[0], "")?;
        if n < 0 {
            return Err(exc::value_error(
                "factorial() not defined for negative values",
            ));
        }
        let mut r: i64 = 1;
        for i in 2..=n {
            r = r.checked_mul(i).ok_or_else(exc::overflow)?;
        }
        Ok(Value::Int(r))
    });
    m.func(
        "gcd",
        "gcd(*integers)",
        "Greatest Common Divisor.",
        |_vm, a| {
            let mut g: i64 = 0;
            for v in &a.pos {
                let mut x = to_int(v, "")?.abs();
                let mut y = g;
                while y != 0 {
                    let t = x % y;
                    x = y;
                    y = t;
                }
                g = x;
            }
            Ok(Value::Int(g))
        },
    );
    m.func(
        "comb",
        "comb(n, k, /)",
        "Number of ways to choose k items from n items without repetition and without order.",
        |_vm, a| {
            a.exact("comb", 2)?;
            let (n, k) = (to_int(&a.pos[0], "")?, to_int(&a.pos[1], "")?);
            if n < 0 || k < 0 {
                return Err(exc::value_error("n must be a non-negative integer"));
            }
            if k > n {
                return Ok(Value::Int(0));
            }
            let k = k.min(n - k);
            let mut r: i128 = 1;
            for i in 0..k {
                r = r * (n - i) as i128 / (i + 1) as i128;
                if r > i64::MAX as i128 {
                    return Err(exc::overflow());
                }
            }
            Ok(Value::Int(r as i64))
        },
    );
    m.func(
        "prod",
        "prod(iterable, /, *, start=1)",
        "Calculate the product of all the elements in the input iterable.",
        |vm, mut a| {
            let start = a.take_kw("start").unwrap_or(Value::Int(1));
            let items = vm.iterate(a.pos.first().unwrap_or(&Value::None))?;
            let mut acc = start;
            for x in items {
                acc = crate::lang::ops::binop(vm, crate::lang::ir::BinOp::Mul, &acc, &x)?;
            }
            Ok(acc)
        },
    );
    m.func(
        "fsum",
        "fsum(seq, /)",
        "Return an accurate floating point sum of values in the iterable seq.",
        |vm, a| {
            let items = vm.iterate(a.pos.first().unwrap_or(&Value::None))?;
            // Neumaier summation (exact enough for typical inputs).
            let (mut s, mut c) = (0.0f64, 0.0f64);
            for x in items {
                let x = to_f64(&x)?;
                let t = s + x;
                if s.abs() >= x.abs() {
                    c += (s - t) + x;
                } else {
                    c += (x - t) + s;
                }
                s = t;
            }
            Ok(Value::Float(s + c))
        },
    );
    m.func(
        "copysign",
        "copysign(x, y, /)",
        "Return a float with the magnitude (absolute value) of x but the sign of y.",
        |_vm, a| {
            a.exact("copysign", 2)?;
            Ok(Value::Float(
                to_f64(&a.pos[0])?.copysign(to_f64(&a.pos[1])?),
            ))
        },
    );
    Value::Module(m)
}
