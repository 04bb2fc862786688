//! Dialect values ⇄ array-layer arguments (shapes, chunks, dtypes, axes,
//! indices), and array-layer errors → dialect exceptions.

use crate::array::{AxisSpec, ChunkSpec, ComputeError, IndexItem};
use crate::chunk::{DType, PyScalar};
use crate::lang::builtins::to_int;
use crate::lang::exc::{self, PyErr};
use crate::lang::value::Value;
use crate::sched::SchedError;

/// A shape from an int or a sequence of ints.
pub fn shape(v: &Value) -> Result<Vec<usize>, Box<PyErr>> {
    let items = match v {
        Value::Int(_) | Value::Bool(_) => vec![v.clone()],
        Value::Tuple(t) => t.to_vec(),
        Value::List(l) => l.read().clone(),
        other => {
            return Err(exc::type_error(format!(
                "'{}' object cannot be interpreted as a shape",
                other.type_name()
            )))
        }
    };
    items
        .iter()
        .map(|x| {
            let n = to_int(x, "")?;
            if n < 0 {
                Err(exc::value_error("negative dimensions are not allowed"))
            } else {
                Ok(n as usize)
            }
        })
        .collect()
}

/// One axis of a `chunks=` argument.
pub fn axis_spec(v: &Value) -> Result<AxisSpec, Box<PyErr>> {
    Ok(match v {
        Value::None => AxisSpec::Full,
        Value::Int(-1) => AxisSpec::Full,
        Value::Int(n) if *n > 0 => AxisSpec::Size(*n as usize),
        Value::Str(s) if &**s == "auto" => AxisSpec::Auto,
        Value::Tuple(_) | Value::List(_) => AxisSpec::Explicit(shape(v)?),
        other => {
            return Err(exc::value_error(format!(
                "chunks must be positive integers, -1, None, 'auto' or tuples; got {}",
                crate::lang::repr::repr_simple(other)
            )))
        }
    })
}

/// A `chunks=` argument.
pub fn chunks(v: Option<&Value>, ndim: usize) -> Result<ChunkSpec, Box<PyErr>> {
    Ok(match v {
        None => ChunkSpec::Auto,
        Some(Value::Str(s)) if &**s == "auto" => ChunkSpec::Auto,
        Some(Value::None) | Some(Value::Int(-1)) => ChunkSpec::Full,
        Some(Value::Int(n)) if *n > 0 => ChunkSpec::Uniform(*n as usize),
        Some(Value::Int(n)) => {
            return Err(exc::value_error(format!(
                "chunks must be positive, got {n}"
            )))
        }
        Some(Value::Dict(d)) => {
            let mut per = vec![AxisSpec::Full; ndim];
            for (_, (k, val)) in d.read().iter() {
                let ax = to_int(k, "")?;
                let ax = if ax < 0 { ax + ndim as i64 } else { ax };
                if ax < 0 || ax as usize >= ndim {
                    return Err(exc::value_error(format!(
                        "axis {ax} out of range in chunks"
                    )));
                }
                per[ax as usize] = axis_spec(val)?;
            }
            ChunkSpec::PerAxis(per)
        }
        Some(Value::Tuple(_)) | Some(Value::List(_)) => {
            let items: Vec<Value> = match v.unwrap() {
                Value::Tuple(t) => t.to_vec(),
                Value::List(l) => l.read().clone(),
                _ => unreachable!(),
            };
            ChunkSpec::PerAxis(items.iter().map(axis_spec).collect::<Result<_, _>>()?)
        }
        Some(other) => {
            return Err(exc::value_error(format!(
                "invalid chunks: {}",
                crate::lang::repr::repr_simple(other)
            )))
        }
    })
}

/// A dtype from a string (`'float32'`, `'i8'`), a dtype object or `float`/`int`/`bool`.
pub fn dtype(v: &Value) -> Result<DType, Box<PyErr>> {
    match v {
        Value::Str(s) => DType::parse(s).map_err(|e| exc::type_error(e.to_string())),
        Value::Builtin(b) => match &*b.name {
            "float" => Ok(DType::Float64),
            "int" => Ok(DType::Int64),
            "bool" => Ok(DType::Bool),
            other => DType::parse(other).map_err(|e| exc::type_error(e.to_string())),
        },
        Value::Object(o) => {
            if let Some(d) = o.as_any().downcast_ref::<super::objects::DTypeObj>() {
                Ok(d.0)
            } else {
                DType::parse(&o.type_name()).map_err(|e| exc::type_error(e.to_string()))
            }
        }
        other => Err(exc::type_error(format!(
            "data type not understood: {}",
            crate::lang::repr::repr_simple(other)
        ))),
    }
}

/// `axis=`: None, an int or a tuple of ints.
pub fn axes(v: Option<&Value>) -> Result<Option<Vec<isize>>, Box<PyErr>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(i)) => Ok(Some(vec![*i as isize])),
        Some(Value::Tuple(t)) => t
            .iter()
            .map(|x| Ok(to_int(x, "")? as isize))
            .collect::<Result<_, _>>()
            .map(Some),
        Some(other) => Err(exc::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            other.type_name()
        ))),
    }
}

/// A Python number as an operand of array arithmetic.
pub fn scalar(v: &Value) -> Option<PyScalar> {
    match v {
        Value::Bool(b) => Some(PyScalar::Bool(*b)),
        Value::Int(i) => Some(PyScalar::Int(*i)),
        Value::Float(f) => Some(PyScalar::Float(*f)),
        _ => None,
    }
}

fn opt_int(v: &Value) -> Result<Option<i64>, Box<PyErr>> {
    match v {
        Value::None => Ok(None),
        other => to_int(other, "").map(Some).map_err(|_| {
            exc::type_error("slice indices must be integers or None or have an __index__ method")
        }),
    }
}

/// An index expression `x[...]`.
pub fn index(key: &Value) -> Result<Vec<IndexItem>, Box<PyErr>> {
    let items = match key {
        Value::Tuple(t) => t.to_vec(),
        other => vec![other.clone()],
    };
    items
        .iter()
        .map(|it| {
            Ok(match it {
                Value::Int(i) => IndexItem::Int(*i),
                Value::Bool(_) => {
                    return Err(exc::new(
                        "NotImplementedError",
                        "boolean indexing of lazy arrays is not supported yet",
                    ))
                }
                Value::None => IndexItem::NewAxis,
                Value::Ellipsis => IndexItem::Ellipsis,
                Value::Slice(s) => IndexItem::Slice(opt_int(&s[0])?, opt_int(&s[1])?, opt_int(&s[2])?),
                other => {
                    return Err(exc::new(
                        "IndexError",
                        format!(
                            "only integers, slices (`:`), ellipsis (`...`) and None are valid indices; got {}",
                            other.type_name()
                        ),
                    ))
                }
            })
        })
        .collect()
}

/// The dialect exception for an array-layer error.
pub fn array_error(e: crate::array::ArrayError) -> Box<PyErr> {
    use crate::array::ArrayError::*;
    match e {
        Index(m) => exc::new("IndexError", m),
        NotImplemented(m) => exc::new("NotImplementedError", m),
        Shape(m) | Chunks(m) | Value(m) | UnknownChunks(m) => exc::value_error(m),
    }
}

/// The dialect exception for a storage-layer (zarr) error.
pub fn store_error(e: crate::store::StoreError) -> Box<PyErr> {
    use crate::store::StoreError::*;
    let msg = e.to_string();
    match e {
        NotFound(_) => exc::new("FileNotFoundError", format!("[Errno 2] {msg}")),
        FileNotFound(_) => exc::new("FileNotFoundError", msg),
        Exists(p) => exc::new(
            "FileExistsError",
            format!("An array exists at '{p}'; pass overwrite=True (or mode='w') to replace it"),
        ),
        DType(_) => exc::type_error(msg),
        Key(_) => exc::new("KeyError", msg),
        IsGroup(_) | Shape(_) | ReadOnly | NameTaken(..) => exc::value_error(msg),
        Io(_) => exc::new("OSError", msg),
    }
}

/// The dialect exception for a failed computation.
pub fn compute_error(e: ComputeError) -> Box<PyErr> {
    match e {
        ComputeError::Sched(SchedError::Cancelled) => exc::interrupt(),
        ComputeError::Array(a) => array_error(a),
        ComputeError::Chunk(c) => chunk_error(c),
        ComputeError::Sched(SchedError::TaskFailed { source, key, .. }) => {
            match source.downcast::<crate::chunk::ChunkError>() {
                Ok(c) => chunk_error(*c),
                Err(other) => exc::new("RuntimeError", format!("task {key} failed: {other}")),
            }
        }
        other => exc::new("RuntimeError", other.to_string()),
    }
}

/// The dialect exception for a chunk-kernel error.
pub fn chunk_error(e: crate::chunk::ChunkError) -> Box<PyErr> {
    if let crate::chunk::ChunkError::Raised(r) = &e {
        if let Some(t) =
            r.0.downcast_ref::<crate::lang::modules::dask_delayed::TaskRaised>()
        {
            return t.0.clone();
        }
    }
    if let crate::chunk::ChunkError::LinAlg(m) = &e {
        let cls = super::linalg::linalg_error_class();
        return exc::from_value(exc::instance(cls, vec![Value::str(m)]));
    }
    if let crate::chunk::ChunkError::DType(m) = &e {
        return exc::type_error(m.clone());
    }
    let msg = e.to_string();
    if msg.contains("Unable to allocate") || msg.to_lowercase().contains("memory") {
        exc::new("MemoryError", msg)
    } else if msg.contains("out of bounds") {
        exc::new("IndexError", msg)
    } else {
        exc::value_error(msg)
    }
}

/// `arange`'s positional arguments: `(start, stop, step, default dtype)`, with
/// NumPy's rule that all-integer arguments give int64.
pub fn arange_args(pos: &[Value]) -> Result<(f64, f64, f64, DType), Box<PyErr>> {
    let nums: Vec<f64> = pos
        .iter()
        .map(crate::lang::builtins::to_f64)
        .collect::<Result<_, _>>()?;
    let all_int = pos
        .iter()
        .all(|v| matches!(v, Value::Int(_) | Value::Bool(_)));
    let (start, stop, step) = match nums.as_slice() {
        [stop] => (0.0, *stop, 1.0),
        [start, stop] => (*start, *stop, 1.0),
        [start, stop, step] => (*start, *stop, *step),
        _ => return Err(exc::type_error("arange() requires stop")),
    };
    Ok((
        start,
        stop,
        step,
        if all_int {
            DType::Int64
        } else {
            DType::Float64
        },
    ))
}
