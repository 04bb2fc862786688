//! `np.save`, `np.load` and memory-mapped `.npy` files (`np.load(f, mmap_mode='r')`):
//! the on-disk arrays of blocked-algorithm tutorials. A memmap reads only what is
//! indexed, and `da.from_array(memmap, chunks=...)` reads one block per task.

use super::convert;
use super::objects::{DTypeObj, NdArrayObj};
use super::run;
use crate::array::{self, AxisSpec, ChunkSpec};
use crate::chunk::npy::{self, NpyMap};
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::value::{Object, Value};
use std::any::Any;
use std::path::PathBuf;
use std::sync::Arc;

/// Block size for indexing a memmap: small, so an index reads little.
const INDEX_BLOCK_BYTES: u64 = 1 << 20;

/// A memory-mapped `.npy` file.
pub struct MemmapObj(pub Arc<NpyMap>);

/// The memmap inside a value, if it is one.
pub fn as_memmap(v: &Value) -> Option<Arc<NpyMap>> {
    match v {
        Value::Object(o) => o.as_any().downcast_ref::<MemmapObj>().map(|m| m.0.clone()),
        _ => None,
    }
}

fn chunk_error(e: crate::chunk::ChunkError) -> Box<crate::lang::exc::PyErr> {
    let msg = e.to_string();
    if msg.contains("No such file") {
        exc::new("FileNotFoundError", msg)
    } else {
        exc::new("OSError", msg)
    }
}

fn path_arg(a: &mut Args, f: &str) -> PyResult<String> {
    match a.arg(0, "file") {
        Some(Value::Str(s)) => Ok(s.to_string()),
        Some(other) => Err(exc::type_error(format!(
            "{f}() expected a file name (str), not {}",
            other.type_name()
        ))),
        None => Err(exc::type_error(format!(
            "{f}() missing required argument: 'file'"
        ))),
    }
}

/// `np.save(file, arr)`: `.npy` is appended when missing, as NumPy does.
pub fn save(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let mut path = path_arg(&mut a, "save")?;
    if !path.ends_with(".npy") {
        path.push_str(".npy");
    }
    let arr = a
        .arg(1, "arr")
        .ok_or_else(|| exc::type_error("save() missing required argument: 'arr'"))?;
    let _ = a.take_kw("allow_pickle");
    let c = match super::objects::as_array(&arr) {
        Some(lazy) => {
            let v = run::compute(vm, &[lazy], crate::sched::Scheduler::default())?.remove(0);
            super::numpy::to_chunk(&v)?
        }
        None => super::numpy::to_chunk(&arr)?,
    };
    npy::save(&PathBuf::from(&path), &c).map_err(chunk_error)?;
    Ok(Value::None)
}

/// `np.load(file, mmap_mode=None)`.
pub fn load(_vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let path = path_arg(&mut a, "load")?;
    if !std::path::Path::new(&path).exists() {
        return Err(exc::new(
            "FileNotFoundError",
            format!("[Errno 2] No such file or directory: '{path}'"),
        ));
    }
    let mode = a.arg(1, "mmap_mode");
    let _ = a.take_kw("allow_pickle");
    let map = NpyMap::open(&PathBuf::from(&path)).map_err(chunk_error)?;
    match mode {
        None | Some(Value::None) => Ok(NdArrayObj::value(map.read_all().map_err(chunk_error)?)),
        Some(Value::Str(m)) if &*m == "r" || &*m == "c" => {
            Ok(Value::object(MemmapObj(Arc::new(map))))
        }
        Some(other) => Err(exc::value_error(format!(
            "mmap_mode must be None, 'r' or 'c' (Tessera maps files read-only), got {}",
            crate::lang::repr::repr_simple(&other)
        ))),
    }
}

/// `da.from_array(memmap, chunks=...)`.
pub fn lazy(map: &Arc<NpyMap>, chunks: &ChunkSpec) -> PyResult<array::Array> {
    array::creation::from_npy(map.clone(), chunks).map_err(convert::array_error)
}

impl Object for MemmapObj {
    fn type_name(&self) -> String {
        "memmap".into()
    }
    fn repr(&self) -> String {
        let shape: Vec<String> = self.0.shape().iter().map(|n| n.to_string()).collect();
        let comma = if shape.len() == 1 { "," } else { "" };
        format!(
            "memmap(shape=({}{comma}), dtype={}, filename='{}')",
            shape.join(", "),
            self.0.dtype().name(),
            self.0.path().display()
        )
    }
    fn getattr(&self, vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        let shape = self.0.shape();
        let size: usize = shape.iter().product();
        Some(Ok(match name {
            "shape" => Value::tuple(shape.iter().map(|&n| Value::Int(n as i64)).collect()),
            "ndim" => Value::Int(shape.len() as i64),
            "size" => Value::Int(size as i64),
            "nbytes" => Value::Int((size * self.0.dtype().itemsize()) as i64),
            "dtype" => Value::object(DTypeObj(self.0.dtype())),
            "filename" => Value::str(&self.0.path().display().to_string()),
            _ if name.starts_with("__") => return None,
            // Anything else works on the data, read in full (as NumPy's memmap would touch it all).
            _ => {
                let eager = match self.0.read_all() {
                    Ok(c) => NdArrayObj::value(c),
                    Err(e) => return Some(Err(chunk_error(e))),
                };
                return Some(vm.getattr(&eager, name));
            }
        }))
    }
    fn getitem(&self, vm: &mut Vm, key: &Value) -> Option<PyResult<Value>> {
        // Index lazily over the file in ~1 MiB blocks, then compute: only the
        // blocks the index touches are read (`m[5]` reads one block, not the file).
        let r = (|| {
            let grid = array::chunks::normalize_with_limit(
                &ChunkSpec::Auto,
                self.0.shape(),
                self.0.dtype().itemsize(),
                INDEX_BLOCK_BYTES,
            )
            .map_err(convert::array_error)?;
            let spec = ChunkSpec::PerAxis(grid.into_iter().map(AxisSpec::Explicit).collect());
            let x = lazy(&self.0, &spec)?;
            let idx = convert::index(key)?;
            let sel = array::slicing::getitem(&x, &idx).map_err(convert::array_error)?;
            Ok(run::compute(vm, &[sel], crate::sched::Scheduler::Sync)?.remove(0))
        })();
        Some(r)
    }
    fn len(&self) -> Option<usize> {
        self.0.shape().first().copied()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}
