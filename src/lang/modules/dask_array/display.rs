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
            .map(|c| {
                c.iter()
                    .map(|&x| (x != crate::array::UNKNOWN).then_some(x))
                    .collect()
            })
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

/// `repr` of an eager array, exactly as NumPy prints it.
pub fn ndarray_repr(c: &Chunk) -> String {
    // A 0-d complex value stands for NumPy's complex128 scalar.
    if c.ndim() == 0 && c.dtype().is_complex() {
        return crate::chunk::format::scalar_repr(&c.get_flat(0));
    }
    crate::chunk::format::repr(c)
}

/// `str` of an eager array, as NumPy prints it.
pub fn ndarray_str(c: &Chunk) -> String {
    crate::chunk::format::str(c)
}

/// Nested Python lists of the values.
pub fn to_list(c: &Chunk) -> Value {
    fn go(c: &Chunk, shape: &[usize], offset: usize) -> Value {
        if shape.is_empty() {
            let s = c.get_flat(offset);
            return match c.dtype() {
                DType::Bool => Value::Bool(s.to_bool()),
                d if d.is_float() => Value::Float(s.to_f64()),
                d if d.is_complex() => super::objects::complex_scalar(&s),
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

/// IPython's `%whos` line for an array: `3x4: 12 elems, type `float64`, 96 bytes`,
/// with ` (1.2 Mb)`-style sizes added above 100,000 bytes.
pub fn whos_line(shape: &[usize], dtype: &str, itemsize: usize) -> String {
    let size: usize = shape.iter().product();
    let bytes = size * itemsize;
    let dims: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
    let mut s = format!(
        "{}: {size} elems, type `{dtype}`, {bytes} bytes",
        dims.join("x")
    );
    let (kb, mb) = (1024.0, 1024.0 * 1024.0);
    if bytes >= 100_000 {
        let b = bytes as f64;
        if b < mb {
            s.push_str(&format!(" ({} kb)", crate::lang::repr::float_repr(b / kb)));
        } else {
            s.push_str(&format!(" ({} Mb)", crate::lang::repr::float_repr(b / mb)));
        }
    }
    s
}
