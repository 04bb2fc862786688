//! How arrays look: the lazy array's bundle and NumPy-style text of eager arrays.

use crate::array::Array;
use crate::chunk::{Chunk, DType};
use crate::display::MimeBundle;
use crate::lang::value::Value;

/// What the display layer needs to draw a lazy array.
pub fn array_info(a: &Array) -> crate::display::array_repr::ArrayInfo {
    let m = a.meta();
    crate::display::array_repr::ArrayInfo {
        name: crate::graph::key_prefix(a.name()).to_string(),
        chunks: m
            .chunks
            .iter()
            .map(|c| c.iter().map(|&x| Some(x)).collect())
            .collect(),
        dtype_name: m.dtype.name().to_string(),
        itemsize: m.dtype.itemsize(),
        chunk_type: "numpy.ndarray".into(),
        n_layers: a.layers(),
        n_tasks: None,
    }
}

/// The display bundle of a lazy array: Dask's text, and the table + chunk schematic.
pub fn array_bundle(a: &Array, plain: &str) -> MimeBundle {
    let mut b = crate::display::array_repr::array_bundle(&array_info(a));
    b.data.insert("text/plain".into(), plain.to_string());
    b
}

fn elem_repr(c: &Chunk, i: usize) -> String {
    let s = c.get_flat(i);
    match c.dtype() {
        DType::Bool => {
            if s.to_bool() {
                " True".into()
            } else {
                "False".into()
            }
        }
        d if d.is_float() => {
            let v = s.to_f64();
            if v.is_nan() {
                "nan".into()
            } else if v.is_infinite() {
                if v > 0.0 {
                    "inf".into()
                } else {
                    "-inf".into()
                }
            } else if v.fract() == 0.0 && v.abs() < 1e16 {
                format!("{v:.0}.")
            } else {
                crate::chunk::format::py_float_repr(v)
            }
        }
        _ => s.to_i64().to_string(),
    }
}

fn nested(
    c: &Chunk,
    shape: &[usize],
    offset: usize,
    indent: usize,
    width: usize,
    sep: &str,
) -> String {
    if shape.is_empty() {
        return format!("{:>width$}", elem_repr(c, offset));
    }
    let stride: usize = shape[1..].iter().product();
    let n = shape[0];
    let summarise = c.size() > 1000 && n > 6;
    let items: Vec<String> = (0..n)
        .filter(|&i| !summarise || i < 3 || i >= n - 3)
        .map(|i| nested(c, &shape[1..], offset + i * stride, indent + 1, width, sep))
        .collect();
    let mut parts = items;
    if summarise {
        parts.insert(3, "...".into());
    }
    let joiner = if shape.len() == 1 {
        sep.to_string()
    } else {
        format!(
            "{}{}{}",
            sep.trim_end(),
            "\n".repeat(shape.len() - 1),
            " ".repeat(indent + 1)
        )
    };
    format!("[{}]", parts.join(&joiner))
}

fn body(c: &Chunk, indent: usize, sep: &str) -> String {
    let width = (0..c.size())
        .map(|i| elem_repr(c, i).len())
        .max()
        .unwrap_or(1);
    nested(c, c.shape(), 0, indent, width, sep)
}

/// `repr` of an eager array, NumPy style: `array([1., 2.])`, `dtype=` for non-default types.
pub fn ndarray_repr(c: &Chunk) -> String {
    let default = matches!(c.dtype(), DType::Float64 | DType::Int64 | DType::Bool);
    let b = body(c, 6, ", ");
    if default && c.size() > 0 {
        format!("array({b})")
    } else {
        format!("array({b}, dtype={})", c.dtype().name())
    }
}

/// `str` of an eager array: `[1. 2. 3.]`.
pub fn ndarray_str(c: &Chunk) -> String {
    body(c, 0, " ")
}

/// Nested Python lists of the values.
pub fn to_list(c: &Chunk) -> Value {
    fn go(c: &Chunk, shape: &[usize], offset: usize) -> Value {
        if shape.is_empty() {
            let s = c.get_flat(offset);
            return match c.dtype() {
                DType::Bool => Value::Bool(s.to_bool()),
                d if d.is_float() => Value::Float(s.to_f64()),
                _ => Value::Int(s.to_i64()),
            };
        }
        let stride: usize = shape[1..].iter().product();
        Value::list(
            (0..shape[0])
                .map(|i| go(c, &shape[1..], offset + i * stride))
                .collect(),
        )
    }
    go(c, c.shape(), 0)
}
