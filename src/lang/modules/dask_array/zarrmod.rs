//! `import zarr` (zarr-python's everyday surface: `open`, `create`, `zeros`,
//! `array`, `save`, `load`, slicing and slice assignment), and the Dask side:
//! `da.from_zarr`, `da.to_zarr`, `da.store`, `x.to_zarr()`, `x.store()`.
//! Arrays are real zarr v2/v3 stores that zarr-python reads and writes.

use super::convert;
use super::diskio;
use super::objects::{lazy_operand, tuple_repr, ArrayObj, NdArrayObj};
use crate::array::{self, Array};
use crate::chunk::DType;
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::value::{Builtin, Module, Object, Value};
use crate::store::{DiskArray, NewArray, ZarrArray, ZarrFormat};
use arcstr::ArcStr;
use std::any::Any;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A zarr array in the dialect (`zarr.open(...)`).
pub struct ZarrObj(pub Arc<ZarrArray>);

/// The zarr array inside a value, if it is one.
pub fn as_zarr(v: &Value) -> Option<Arc<ZarrArray>> {
    match v {
        Value::Object(o) => o.as_any().downcast_ref::<ZarrObj>().map(|z| z.0.clone()),
        _ => None,
    }
}

fn wrap(z: ZarrArray) -> Value {
    Value::object(ZarrObj(Arc::new(z)))
}

/// A path argument, kept as given (zarr-python shows `file://data/x.zarr`
/// for a relative path, and so does Tessera).
fn path_of(v: &Value, f: &str) -> PyResult<PathBuf> {
    match v {
        Value::Str(s) => Ok(PathBuf::from(&**s)),
        other => Err(exc::type_error(format!(
            "{f}() expected a path (str) or a zarr array, not {}",
            other.type_name()
        ))),
    }
}

fn format_of(v: Option<Value>) -> PyResult<ZarrFormat> {
    match v {
        None | Some(Value::None) | Some(Value::Int(3)) => Ok(ZarrFormat::V3),
        Some(Value::Int(2)) => Ok(ZarrFormat::V2),
        Some(other) => Err(exc::value_error(format!(
            "zarr_format must be 2 or 3, got {}",
            crate::lang::repr::repr_simple(&other)
        ))),
    }
}

/// A `chunks=` argument for a new zarr array: one size per axis, or `None` to
/// let zarr's heuristic choose.
fn zarr_chunks(v: Option<Value>, shape: &[usize]) -> PyResult<Option<Vec<usize>>> {
    match v {
        None | Some(Value::None) | Some(Value::Bool(true)) => Ok(None),
        Some(Value::Str(s)) if &*s == "auto" => Ok(None),
        Some(Value::Bool(false)) => Ok(Some(shape.iter().map(|&n| n.max(1)).collect())),
        // One chunk size per axis is all zarr stores: -1/None take the whole axis.
        Some(Value::Int(n)) if n > 0 => Ok(Some(vec![n as usize; shape.len()])),
        Some(v @ (Value::Tuple(_) | Value::List(_))) => {
            let items: Vec<Value> = match &v {
                Value::Tuple(t) => t.to_vec(),
                Value::List(l) => l.read().clone(),
                _ => unreachable!("matched above"),
            };
            if items.len() != shape.len() {
                return Err(exc::value_error(format!(
                    "chunks {} do not fit an array of {} dimensions",
                    crate::lang::repr::repr_simple(&v),
                    shape.len()
                )));
            }
            items
                .iter()
                .zip(shape)
                .map(|(it, &n)| match it {
                    Value::Int(c) if *c > 0 => Ok(*c as usize),
                    Value::Int(-1) | Value::None => Ok(n.max(1)),
                    other => Err(exc::value_error(format!(
                        "chunk sizes must be positive ints, got {}",
                        crate::lang::repr::repr_simple(other)
                    ))),
                })
                .collect::<PyResult<Vec<usize>>>()
                .map(Some)
        }
        Some(other) => Err(exc::value_error(format!(
            "invalid chunks: {}",
            crate::lang::repr::repr_simple(&other)
        ))),
    }
}

fn fill_of(v: Option<Value>) -> PyResult<f64> {
    match v {
        None | Some(Value::None) => Ok(0.0),
        Some(Value::Bool(b)) => Ok(b as i64 as f64),
        Some(Value::Int(i)) => Ok(i as f64),
        Some(Value::Float(f)) => Ok(f),
        Some(other) => Err(exc::type_error(format!(
            "fill_value must be a number, not {}",
            other.type_name()
        ))),
    }
}

/// Arguments shared by every creating function.
struct Creation {
    shape: Vec<usize>,
    chunks: Option<Value>,
    dtype: DType,
    fill: f64,
    format: ZarrFormat,
}

fn creation(a: &mut Args, shape: Option<Value>, default: DType, f: &str) -> PyResult<Creation> {
    let shape = match shape {
        Some(s) => convert::shape(&s)?,
        None => {
            return Err(exc::type_error(format!(
            "{f}() needs shape= to create an array (Tessera's zarr module has arrays, not groups)"
        )))
        }
    };
    let dtype = match a.take_kw("dtype") {
        None | Some(Value::None) => default,
        Some(v) => convert::dtype(&v)?,
    };
    Ok(Creation {
        shape,
        chunks: a.take_kw("chunks"),
        dtype,
        fill: fill_of(a.take_kw("fill_value"))?,
        format: format_of(a.take_kw("zarr_format"))?,
    })
}

fn create(path: Option<&Path>, c: Creation, overwrite: bool) -> PyResult<ZarrArray> {
    let new = NewArray {
        chunks: zarr_chunks(c.chunks, &c.shape)?,
        shape: c.shape,
        dtype: c.dtype,
        format: c.format,
        fill_value: c.fill,
    };
    ZarrArray::create(path, &new, overwrite).map_err(convert::store_error)
}

/// `zarr.open(store, mode='a', shape=None, chunks=None, dtype=None, ...)`.
fn open(_vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let store = a
        .arg(0, "store")
        .ok_or_else(|| exc::type_error("open() missing required argument: 'store'"))?;
    let mut path = path_of(&store, "open")?;
    // `path=` names an array inside the store, as a sub-directory.
    if let Some(Value::Str(sub)) = a.take_kw("path") {
        path = path.join(sub.trim_matches('/'));
    }
    let mode = match a.arg(1, "mode") {
        None => "a".to_string(),
        Some(Value::Str(m)) => m.to_string(),
        Some(other) => {
            return Err(exc::type_error(format!(
                "mode must be a str, not {}",
                other.type_name()
            )))
        }
    };
    let shape = a.take_kw("shape");
    diskio::ignore_kws(&mut a, &["storage_options"]);
    diskio::refuse_kws(
        &mut a,
        &["order", "compressor", "compressors", "filters"],
        "open",
    )?;
    let exists = path.join("zarr.json").exists() || path.join(".zarray").exists();
    let z = match mode.as_str() {
        "r" | "r+" => ZarrArray::open(&path, mode == "r").map_err(convert::store_error)?,
        "a" if exists => ZarrArray::open(&path, false).map_err(convert::store_error)?,
        "a" | "w" | "w-" | "x" => {
            let c = creation(&mut a, shape, DType::Float64, "open")?;
            create(Some(&path), c, mode == "w")?
        }
        other => {
            return Err(exc::value_error(format!(
                "invalid mode {other:?}: use 'r', 'r+', 'a', 'w' or 'w-'"
            )))
        }
    };
    a.check("open", 2)?;
    Ok(wrap(z))
}

/// `zarr.create(shape, chunks=True, dtype=None, fill_value=0, store=None, overwrite=False)`
/// and the filled variants (`zeros`, `ones`, `full`, `empty`).
fn create_fn(name: &'static str, fill: Option<f64>) -> impl Fn(&mut Vm, Args) -> PyResult<Value> {
    move |_vm, mut a| {
        let shape = a.arg(0, "shape");
        let store = a.take_kw("store");
        let overwrite = matches!(a.take_kw("overwrite"), Some(Value::Bool(true)));
        if name == "full" {
            if let Some(v) = a.arg(1, "fill_value") {
                a.kw.push((ArcStr::from("fill_value"), v));
            }
        }
        diskio::refuse_kws(
            &mut a,
            &["path", "order", "compressor", "compressors", "filters"],
            name,
        )?;
        let mut c = creation(&mut a, shape, DType::Float64, name)?;
        if let Some(f) = fill {
            c.fill = f;
        }
        let path = match &store {
            None | Some(Value::None) => None,
            Some(s) => Some(path_of(s, name)?),
        };
        a.check(name, if name == "full" { 2 } else { 1 })?;
        Ok(wrap(create(path.as_deref(), c, overwrite)?))
    }
}

/// `zarr.array(data, chunks=True, store=None)` / `zarr.save(store, arr)`: a new
/// array holding `data`.
fn from_data(vm: &mut Vm, data: &Value, path: Option<&Path>, a: &mut Args) -> PyResult<Value> {
    let chunk = diskio::eager(vm, data)?;
    let c = Creation {
        shape: chunk.shape().to_vec(),
        chunks: a.take_kw("chunks"),
        dtype: chunk.dtype(),
        fill: 0.0,
        format: format_of(a.take_kw("zarr_format"))?,
    };
    let z = create(path, c, true)?;
    z.write(&vec![0; chunk.ndim()], &chunk)
        .map_err(convert::store_error)?;
    Ok(wrap(z))
}

/// The `zarr` module.
pub fn zarr_module() -> Value {
    let m = Module::new(
        "zarr",
        "Chunked, compressed N-d arrays on disk (zarr v2 and v3), readable by zarr-python.",
    );
    m.func(
        "open",
        "open(store, mode='a', shape=None, chunks=None, dtype=None, fill_value=0, zarr_format=3)",
        "Open (or, with shape=, create) a zarr array on disk.",
        open,
    );
    m.func(
        "open_array",
        "open_array(store, mode='a', shape=None, chunks=None, dtype=None, fill_value=0, zarr_format=3)",
        "Open (or, with shape=, create) a zarr array on disk.",
        open,
    );
    for (name, fill) in [
        ("create", None),
        ("create_array", None),
        ("zeros", Some(0.0)),
        ("empty", Some(0.0)),
        ("ones", Some(1.0)),
        ("full", None),
    ] {
        m.func(
            name,
            &format!("{name}(shape, chunks=True, dtype=float64, store=None, overwrite=False, zarr_format=3)"),
            "A new zarr array (in memory unless store= names a directory).",
            create_fn(name, fill),
        );
    }
    m.func(
        "array",
        "array(data, chunks=True, store=None, zarr_format=3)",
        "A new zarr array holding a copy of data.",
        |vm, mut a| {
            let data = a
                .arg(0, "data")
                .ok_or_else(|| exc::type_error("array() missing required argument: 'data'"))?;
            let path = match a.take_kw("store") {
                None | Some(Value::None) => None,
                Some(s) => Some(path_of(&s, "array")?),
            };
            from_data(vm, &data, path.as_deref(), &mut a)
        },
    );
    m.func(
        "save",
        "save(store, arr)",
        "Write arr as a zarr array at store (replacing what was there).",
        |vm, mut a| {
            let store = a.arg(0, "store");
            let arr = a.arg(1, "arr");
            let (Some(store), Some(arr)) = (store, arr) else {
                return Err(exc::type_error("save() needs a store and an array"));
            };
            let path = path_of(&store, "save")?;
            from_data(vm, &arr, Some(&path), &mut a).map(|_| Value::None)
        },
    );
    m.func(
        "load",
        "load(store)",
        "Read a whole zarr array into memory (a NumPy array).",
        |_vm, mut a| {
            let store = a
                .arg(0, "store")
                .ok_or_else(|| exc::type_error("load() missing required argument: 'store'"))?;
            let path = path_of(&store, "load")?;
            let z = ZarrArray::open(&path, true).map_err(convert::store_error)?;
            Ok(NdArrayObj::value(
                z.read_all().map_err(convert::store_error)?,
            ))
        },
    );
    Value::Module(Arc::new(m))
}

/// `da.to_zarr(arr, url, component=None, overwrite=False, compute=True,
/// return_stored=False, zarr_format=3)`.
pub fn to_zarr(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let arr = a
        .arg(0, "arr")
        .ok_or_else(|| exc::type_error("to_zarr() missing required argument: 'arr'"))?;
    let url = a
        .arg(1, "url")
        .ok_or_else(|| exc::type_error("to_zarr() missing required argument: 'url'"))?;
    let x = lazy_operand(&arr).ok_or_else(|| super::objects::not_array("to_zarr", &arr))?;
    to_zarr_of(vm, &x, url, a)
}

fn to_zarr_of(vm: &mut Vm, x: &Array, url: Value, mut a: Args) -> PyResult<Value> {
    let sched = crate::lang::modules::dask_runtime::scheduler_from(vm, &mut a)?;
    let compute = !matches!(a.take_kw("compute"), Some(Value::Bool(false)));
    let stored = matches!(a.take_kw("return_stored"), Some(Value::Bool(true)));
    let overwrite = matches!(a.take_kw("overwrite"), Some(Value::Bool(true)));
    let component = a.take_kw("component");
    let format = format_of(a.take_kw("zarr_format"))?;
    diskio::ignore_kws(&mut a, &["storage_options", "lock"]);
    diskio::refuse_kws(&mut a, &["region"], "to_zarr")?;
    a.check("to_zarr", 3)?;
    let target = match as_zarr(&url) {
        Some(z) => z,
        None => {
            let mut path = path_of(&url, "to_zarr")?;
            if let Some(Value::Str(c)) = &component {
                path = path.join(&**c);
            }
            let chunks = array::disk::regular_chunks(x.meta()).map_err(convert::array_error)?;
            let new = NewArray {
                shape: x.meta().shape.clone(),
                chunks: Some(chunks),
                dtype: x.meta().dtype,
                format,
                fill_value: 0.0,
            };
            Arc::new(ZarrArray::create(Some(&path), &new, overwrite).map_err(convert::store_error)?)
        }
    };
    if !compute {
        return Ok(diskio::delayed_store(diskio::store_plans(
            std::slice::from_ref(x),
            &[target as Arc<dyn DiskArray>],
        )?));
    }
    let t: Arc<dyn DiskArray> = target.clone();
    diskio::store_all(vm, std::slice::from_ref(x), &[t], sched)?;
    if stored {
        return array::disk::from_disk(target, None, "from-zarr")
            .map(ArrayObj::value)
            .map_err(convert::array_error);
    }
    Ok(Value::None)
}

/// `da.from_zarr(url, component=None, chunks=None)`.
pub fn from_zarr(_vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let url = a
        .arg(0, "url")
        .ok_or_else(|| exc::type_error("from_zarr() missing required argument: 'url'"))?;
    let component = a.arg(1, "component");
    let chunks = a.arg(2, "chunks");
    diskio::ignore_kws(&mut a, &["storage_options", "name", "inline_array"]);
    let z = match as_zarr(&url) {
        Some(z) => z,
        None => {
            let mut path = path_of(&url, "from_zarr")?;
            if let Some(Value::Str(c)) = &component {
                path = path.join(&**c);
            }
            Arc::new(ZarrArray::open(&path, true).map_err(convert::store_error)?)
        }
    };
    diskio::lazy(&(z as Arc<dyn DiskArray>), chunks.as_ref(), "from-zarr")
}

/// `x.to_zarr(url, ...)` and `x.store(target, ...)` on a lazy array.
pub fn method(x: &Array, name: &str) -> Option<Value> {
    let x = x.clone();
    Some(match name {
        "to_zarr" => Builtin::value(
            "to_zarr",
            "to_zarr(url, component=None, overwrite=False, compute=True, return_stored=False)",
            "Write this array to a zarr array on disk, one task per block.",
            move |vm, mut a| {
                let url = a
                    .arg(0, "url")
                    .ok_or_else(|| exc::type_error("to_zarr() missing required argument: 'url'"))?;
                if !a.pos.is_empty() {
                    a.pos.remove(0);
                }
                to_zarr_of(vm, &x, url, a)
            },
        ),
        "store" => Builtin::value(
            "store",
            "store(target, compute=True, return_stored=False)",
            "Write this array into a zarr array, one task per block.",
            move |vm, mut a| {
                let target = a.arg(0, "target").ok_or_else(|| {
                    exc::type_error("store() missing required argument: 'target'")
                })?;
                let mut b = Args::pos(vec![ArrayObj::value(x.clone()), target]);
                b.kw = std::mem::take(&mut a.kw);
                diskio::store(vm, b)
            },
        ),
        _ => return None,
    })
}

impl Object for ZarrObj {
    fn type_name(&self) -> String {
        "Array".into()
    }
    fn repr(&self) -> String {
        format!(
            "<Array {} shape={} dtype={}>",
            self.0.location(),
            tuple_repr(self.0.shape()),
            self.0.dtype().name()
        )
    }
    fn getattr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        let z = &self.0;
        if let Some(v) = diskio::common_attr(&**z, name) {
            return Some(Ok(v));
        }
        Some(Ok(match name {
            "chunks" => diskio::ints(z.chunks()),
            "nchunks" => Value::Int(
                z.shape()
                    .iter()
                    .zip(z.chunks())
                    .map(|(&n, &c)| n.div_ceil(c.max(1)))
                    .product::<usize>() as i64,
            ),
            "read_only" => Value::Bool(z.read_only()),
            "order" => Value::str("C"),
            "path" => Value::str(""),
            "store_path" => Value::str(z.location()),
            _ => return None,
        }))
    }
    fn dir(&self) -> Vec<String> {
        [
            "shape",
            "chunks",
            "ndim",
            "size",
            "nbytes",
            "nchunks",
            "dtype",
            "read_only",
            "order",
            "path",
            "store_path",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    }
    fn getitem(&self, vm: &mut Vm, key: &Value) -> Option<PyResult<Value>> {
        Some(diskio::getitem(
            vm,
            &(self.0.clone() as Arc<dyn DiskArray>),
            key,
        ))
    }
    fn setitem(&self, vm: &mut Vm, key: &Value, v: Value) -> Option<PyResult<()>> {
        Some(diskio::setitem(
            vm,
            &(self.0.clone() as Arc<dyn DiskArray>),
            key,
            v,
        ))
    }
    fn len(&self) -> Option<usize> {
        self.0.shape().first().copied()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}
