//! NumPy-compatible `repr` and `str` of chunks (0-D to n-D, summarised with
//! `...` beyond 1000 elements) and of scalars.

use super::floatfmt::{positional, FloatLayout};
use super::kernel::shape_str;
use super::{Chunk, DType, Scalar};

/// NumPy's print options that Tessera uses (the defaults).
const LINE_WIDTH: usize = 75;
const THRESHOLD: usize = 1000;
const EDGE_ITEMS: usize = 3;

/// Python's `repr(float)`: shortest round-trip digits, scientific below 1e-4
/// or from 1e16 on.
pub fn py_float_repr(v: f64) -> String {
    if v.is_nan() {
        return "nan".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let a = v.abs();
    if a != 0.0 && !(1e-4..1e16).contains(&a) {
        let s = format!("{v:e}");
        let (m, e) = s.split_once('e').expect("exp");
        let e: i32 = e.parse().expect("int exp");
        let sign = if e < 0 { '-' } else { '+' };
        return format!("{m}e{sign}{:02}", e.abs());
    }
    let s = format!("{v}");
    if s.contains('.') {
        s
    } else {
        format!("{s}.0")
    }
}

/// Python's `repr(complex)`: `(1+2j)`, `1j`, `(-0-0.5j)`, `(nan+infj)`.
pub fn py_complex_repr(re: f64, im: f64) -> String {
    let part = |v: f64| {
        let s = py_float_repr(v);
        s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
    };
    let i = part(im);
    if re == 0.0 && !re.is_sign_negative() {
        return format!("{i}j");
    }
    let sign = if im.is_sign_negative() || im.is_nan() && i.starts_with('-') {
        ""
    } else {
        "+"
    };
    format!("({}{sign}{i}j)", part(re))
}

/// `str()` of a NumPy scalar (`1.5`, `3`, `True`); float32 uses its own
/// shortest digits.
pub fn scalar_str(s: &Scalar) -> String {
    match *s {
        Scalar::Bool(b) => if b { "True" } else { "False" }.into(),
        Scalar::F32(v) => {
            let d: f64 = format!("{v}").parse().unwrap_or(v as f64);
            py_float_repr(d)
        }
        Scalar::F64(v) => py_float_repr(v),
        Scalar::C128(v) => py_complex_repr(v.0.re, v.0.im),
        Scalar::U64(v) => v.to_string(),
        _ => s.to_i64().to_string(),
    }
}

/// NumPy 2's `repr()` of a scalar: `np.float64(1.5)`, `np.True_`.
pub fn scalar_repr(s: &Scalar) -> String {
    match *s {
        Scalar::Bool(b) => if b { "np.True_" } else { "np.False_" }.into(),
        Scalar::C128(v) => {
            let s = py_complex_repr(v.0.re, v.0.im);
            let inner = s
                .strip_prefix('(')
                .and_then(|t| t.strip_suffix(')'))
                .unwrap_or(&s);
            format!("np.complex128({inner})")
        }
        _ => format!("np.{}({})", s.dtype().name(), scalar_str(s)),
    }
}

/// How each element is turned into text.
enum ElemFmt {
    Bool { zero_d: bool },
    Int { width: usize },
    F32(FloatLayout),
    F64(FloatLayout),
    C128(FloatLayout, FloatLayout),
}

impl ElemFmt {
    fn new(c: &Chunk, show: &[usize]) -> ElemFmt {
        match c.dtype() {
            DType::Bool => ElemFmt::Bool {
                zero_d: c.ndim() == 0,
            },
            DType::Float32 => {
                let a = c.as_array::<f32>().expect("f32");
                let v: Vec<f32> = show.iter().map(|&i| flat(a, i)).collect();
                ElemFmt::F32(FloatLayout::new(&v))
            }
            DType::Float64 => {
                let a = c.as_array::<f64>().expect("f64");
                let v: Vec<f64> = show.iter().map(|&i| flat(a, i)).collect();
                ElemFmt::F64(FloatLayout::new(&v))
            }
            DType::Complex128 => {
                let a = c.as_array::<super::C128>().expect("c128");
                let re: Vec<f64> = show.iter().map(|&i| flat(a, i).0.re).collect();
                let im: Vec<f64> = show.iter().map(|&i| flat(a, i).0.im).collect();
                ElemFmt::C128(FloatLayout::new(&re), FloatLayout::signed(&im))
            }
            _ => {
                let width = show
                    .iter()
                    .map(|&i| scalar_str(&c.get_flat(i)).len())
                    .max()
                    .unwrap_or(0);
                ElemFmt::Int { width }
            }
        }
    }

    fn format(&self, c: &Chunk, i: usize) -> String {
        match self {
            ElemFmt::Bool { zero_d } => {
                let b = c.get_flat(i).to_bool();
                match (b, zero_d) {
                    (true, true) => "True".into(),
                    (true, false) => " True".into(),
                    _ => "False".into(),
                }
            }
            ElemFmt::Int { width } => format!("{:>w$}", scalar_str(&c.get_flat(i)), w = *width),
            ElemFmt::F32(l) => l.format(flat(c.as_array::<f32>().expect("f32"), i)),
            ElemFmt::F64(l) => l.format(flat(c.as_array::<f64>().expect("f64"), i)),
            ElemFmt::C128(r, m) => {
                let v = flat(c.as_array::<super::C128>().expect("c128"), i);
                let im = m.format(v.0.im);
                let sp = im.trim_end().len();
                format!("{}{}j{}", r.format(v.0.re), &im[..sp], &im[sp..])
            }
        }
    }
}

fn flat<T: Copy>(a: &ndarray::ArrayD<T>, i: usize) -> T {
    match a.as_slice() {
        Some(s) => s[i],
        None => {
            let shape = a.shape();
            let mut rem = i;
            let mut idx = vec![0usize; shape.len()];
            for k in (0..shape.len()).rev() {
                idx[k] = rem % shape[k];
                rem /= shape[k];
            }
            a[idx.as_slice()]
        }
    }
}

/// C-order flat indices of the elements NumPy looks at to choose the layout
/// (all of them, or only the edge items of a summarised array).
fn shown_indices(shape: &[usize], summarise: bool) -> Vec<usize> {
    let per_axis: Vec<Vec<usize>> = shape
        .iter()
        .map(|&n| {
            if summarise && n > 2 * EDGE_ITEMS {
                (0..EDGE_ITEMS).chain(n - EDGE_ITEMS..n).collect()
            } else {
                (0..n).collect()
            }
        })
        .collect();
    let mut out = vec![0usize];
    for (ax, picks) in per_axis.iter().enumerate() {
        let mut next = Vec::with_capacity(out.len() * picks.len());
        for &base in &out {
            for &p in picks {
                next.push(base * shape[ax] + p);
            }
        }
        out = next;
    }
    out
}

struct Printer<'a> {
    c: &'a Chunk,
    fmt: ElemFmt,
    sep: &'a str,
    summary: bool,
}

impl Printer<'_> {
    fn elem(&self, index: &[usize]) -> String {
        let shape = self.c.shape();
        let mut f = 0usize;
        for (k, &i) in index.iter().enumerate() {
            f = f * shape[k] + i;
        }
        self.fmt.format(self.c, f)
    }

    fn recurse(&self, index: &mut Vec<usize>, hanging: &str, width: usize) -> String {
        let shape = self.c.shape();
        let axis = index.len();
        let left = shape.len() - axis;
        if left == 0 {
            return self.elem(index);
        }
        let next_hanging = format!("{hanging} ");
        let next_width = width.saturating_sub(1);
        let n = shape[axis];
        let show_summary = self.summary && 2 * EDGE_ITEMS < n;
        let (lead, trail) = if show_summary {
            (EDGE_ITEMS, EDGE_ITEMS)
        } else {
            (0, n)
        };
        let mut s = String::new();
        let child = |i: usize, index: &mut Vec<usize>| {
            index.push(i);
            let r = self.recurse(index, &next_hanging, next_width);
            index.pop();
            r
        };
        if left == 1 {
            let elem_width = width.saturating_sub(self.sep.trim_end().len().max(1));
            let mut line = hanging.to_string();
            for i in 0..lead {
                let w = child(i, index);
                extend_line(&mut s, &mut line, &w, elem_width, hanging);
                line.push_str(self.sep);
            }
            if show_summary {
                extend_line(&mut s, &mut line, "...", elem_width, hanging);
                line.push_str(self.sep);
            }
            for i in (2..=trail).rev() {
                let w = child(n - i, index);
                extend_line(&mut s, &mut line, &w, elem_width, hanging);
                line.push_str(self.sep);
            }
            let w = child(n - 1, index);
            extend_line(&mut s, &mut line, &w, elem_width, hanging);
            s.push_str(&line);
        } else {
            let line_sep = format!("{}{}", self.sep.trim_end(), "\n".repeat(left - 1));
            for i in 0..lead {
                let nested = child(i, index);
                s.push_str(hanging);
                s.push_str(&nested);
                s.push_str(&line_sep);
            }
            if show_summary {
                s.push_str(hanging);
                s.push_str("...");
                s.push_str(&line_sep);
            }
            for i in (2..=trail).rev() {
                let nested = child(n - i, index);
                s.push_str(hanging);
                s.push_str(&nested);
                s.push_str(&line_sep);
            }
            let nested = child(n - 1, index);
            s.push_str(hanging);
            s.push_str(&nested);
        }
        format!("[{}]", &s[hanging.len()..])
    }
}

/// Append `word` to `line`, first wrapping to a new line if it would pass
/// `width` (unless the line holds only the indent).
fn extend_line(s: &mut String, line: &mut String, word: &str, width: usize, hanging: &str) {
    let words: Vec<&str> = word.split('\n').collect();
    if words.len() == 1 {
        if line.len() + word.len() > width && line.len() > hanging.len() {
            s.push_str(line.trim_end());
            s.push('\n');
            *line = hanging.to_string();
        }
        line.push_str(word);
        return;
    }
    let max_len = words.iter().map(|w| w.len()).max().unwrap_or(0);
    let indent;
    if line.len() + max_len > width && line.len() > hanging.len() {
        s.push_str(line.trim_end());
        s.push('\n');
        *line = format!("{hanging}{}", words[0]);
        indent = hanging.to_string();
    } else {
        indent = " ".repeat(line.len());
        line.push_str(words[0]);
    }
    for w in &words[1..] {
        s.push_str(line.trim_end());
        s.push('\n');
        *line = format!("{indent}{w}");
    }
    let pad = max_len - words[words.len() - 1].len();
    line.push_str(&" ".repeat(pad));
}

/// NumPy's `array2string` with the given separator, prefix and line width.
fn array2string(c: &Chunk, sep: &str, prefix: &str, width: usize) -> String {
    if c.size() == 0 {
        return "[]".into();
    }
    let summary = c.size() > THRESHOLD;
    let show = shown_indices(c.shape(), summary);
    let fmt = ElemFmt::new(c, &show);
    let p = Printer {
        c,
        fmt,
        sep,
        summary,
    };
    let hanging = " ".repeat(prefix.len() + 1);
    p.recurse(&mut Vec::new(), &hanging, width)
}

/// Python tuple text of a shape, as NumPy's `shape=` extra prints it.
fn py_shape(shape: &[usize]) -> String {
    shape_str(shape)
}

/// NumPy's `repr(array)`: `array([1, 2, 3])`, `array([0.1, 0.2], dtype=float32)`.
pub fn repr(c: &Chunk) -> String {
    let prefix = "array(";
    let lst = array2string(c, ", ", prefix, LINE_WIDTH - 1);
    let mut extras = Vec::new();
    if (c.size() == 0 && c.shape() != [0]) || c.size() > THRESHOLD {
        extras.push(format!("shape={}", py_shape(c.shape())));
    }
    if !c.dtype().is_repr_default() || c.size() == 0 {
        extras.push(format!("dtype={}", c.dtype().name()));
    }
    if extras.is_empty() {
        return format!("{prefix}{lst})");
    }
    let arr = format!("{prefix}{lst},");
    let extra = format!("{})", extras.join(", "));
    let last_len = arr.len() - arr.rfind('\n').map_or(0, |i| i + 1);
    let spacer = if last_len + extra.len() + 1 > LINE_WIDTH {
        format!("\n{}", " ".repeat(prefix.len()))
    } else {
        " ".to_string()
    };
    format!("{arr}{spacer}{extra}")
}

/// NumPy's `str(array)`: `[1. 2. 3.]`; a 0-d array prints as its scalar.
pub fn str(c: &Chunk) -> String {
    if c.ndim() == 0 {
        return scalar_str(&c.get_flat(0));
    }
    array2string(c, " ", "", LINE_WIDTH)
}

/// Positional digits of one float as NumPy prints it inside arrays (`"1."`).
pub fn float_positional(v: f64) -> String {
    positional(v)
}

#[cfg(test)]
#[path = "format_tests.rs"]
mod tests;
