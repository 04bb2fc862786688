//! `import h5py` (the everyday surface: `File(path, mode)` as a context
//! manager, groups, `create_dataset`, `f[name]`, slicing and slice assignment,
//! `np.array(dset)`, `da.from_array(dset, chunks=)`) and `da.to_hdf5` /
//! `x.to_hdf5`. Files are real HDF5 that h5py reads and writes.

use super::convert;
use super::diskio;
use super::objects::lazy_operand;
use crate::array::{self, Array};
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyErr, PyResult};
use crate::lang::value::{Builtin, Module, Object, Value};
use crate::store::{DiskArray, H5Dataset, H5Group, H5Member, H5Mode, NewDataset};
use parking_lot::Mutex;
use std::any::Any;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// An open HDF5 file or a group in one (`h5py.File`, `f['grp']`).
pub struct GroupObj {
    group: Arc<Mutex<Option<H5Group>>>,
    is_file: bool,
    mode: String,
}

/// An HDF5 dataset (`f['x']`).
pub struct DatasetObj(pub Arc<H5Dataset>);

/// The dataset inside a value, if it is one.
pub fn as_dataset(v: &Value) -> Option<Arc<H5Dataset>> {
    match v {
        Value::Object(o) => o.as_any().downcast_ref::<DatasetObj>().map(|d| d.0.clone()),
        _ => None,
    }
}

fn closed() -> Box<PyErr> {
    exc::value_error("Invalid location identifier (the file is closed)")
}

impl GroupObj {
    fn get(&self) -> PyResult<H5Group> {
        self.group.lock().clone().ok_or_else(closed)
    }
}

fn member_value(m: H5Member) -> Value {
    match m {
        H5Member::Dataset(d) => Value::object(DatasetObj(Arc::new(d))),
        H5Member::Group(g) => Value::object(GroupObj {
            group: Arc::new(Mutex::new(Some(g))),
            is_file: false,
            mode: String::new(),
        }),
    }
}

fn name_arg(a: &mut Args, f: &str) -> PyResult<String> {
    match a.arg(0, "name") {
        Some(Value::Str(s)) => Ok(s.to_string()),
        Some(other) => Err(exc::type_error(format!(
            "{f}() expected a name (str), not {}",
            other.type_name()
        ))),
        None => Err(exc::type_error(format!(
            "{f}() missing required argument: 'name'"
        ))),
    }
}

/// `compression='gzip'` with `compression_opts` (level 0–9, default 4), as h5py takes them.
fn gzip_level(a: &mut Args) -> PyResult<Option<u8>> {
    match (a.take_kw("compression"), a.take_kw("compression_opts")) {
        (None | Some(Value::None), _) => Ok(None),
        (Some(Value::Str(c)), level) if &*c == "gzip" => Ok(Some(match level {
            Some(Value::Int(l)) if (0..=9).contains(&l) => l as u8,
            _ => 4,
        })),
        (Some(other), _) => Err(exc::value_error(format!(
            "Compression filter {} is unavailable in Tessera (use 'gzip')",
            crate::lang::repr::repr_simple(&other)
        ))),
    }
}

/// `group.create_dataset(name, shape=None, dtype=None, data=None, chunks=None,
/// compression=None, compression_opts=None)`.
fn create_dataset(vm: &mut Vm, g: &H5Group, mut a: Args) -> PyResult<Value> {
    let name = name_arg(&mut a, "create_dataset")?;
    let data = match a.arg(3, "data") {
        None | Some(Value::None) => None,
        Some(v) => Some(diskio::eager(vm, &v)?),
    };
    let shape = match (a.arg(1, "shape"), &data) {
        (Some(s), _) if !matches!(s, Value::None) => convert::shape(&s)?,
        (_, Some(d)) => d.shape().to_vec(),
        _ => {
            return Err(exc::type_error(
                "One of data, shape or dtype must be specified",
            ))
        }
    };
    let dtype = match a.arg(2, "dtype") {
        None | Some(Value::None) => data.as_ref().map(|d| d.dtype()),
        Some(v) => Some(convert::dtype(&v)?),
    };
    let chunks = match a.take_kw("chunks") {
        None | Some(Value::None) | Some(Value::Bool(false)) => None,
        Some(Value::Bool(true)) => Some(crate::store::guess_chunks(
            &shape,
            dtype.map_or(4, |d| d.itemsize()),
        )),
        Some(v) => Some(convert::shape(&v)?),
    };
    let gzip = gzip_level(&mut a)?;
    diskio::refuse_kws(
        &mut a,
        &[
            "maxshape",
            "fillvalue",
            "shuffle",
            "fletcher32",
            "scaleoffset",
        ],
        "create_dataset",
    )?;
    // With compression, HDF5 needs chunks; h5py picks them as for chunks=True.
    let chunks = chunks.or_else(|| {
        gzip.map(|_| crate::store::guess_chunks(&shape, dtype.map_or(4, |d| d.itemsize())))
    });
    let new = NewDataset {
        shape,
        dtype,
        chunks,
        gzip,
    };
    let ds = g
        .create_dataset(&name, &new)
        .map_err(convert::store_error)?;
    if let Some(d) = data {
        ds.write(&vec![0; d.ndim()], &d)
            .map_err(convert::store_error)?;
    }
    Ok(Value::object(DatasetObj(Arc::new(ds))))
}

fn group_method(obj: &GroupObj, name: &str) -> PyResult<Option<Value>> {
    if name == "close" && obj.is_file {
        let cell = obj.group.clone();
        return Ok(Some(Builtin::value(
            "close",
            "close()",
            "Close the file (datasets already taken stay readable).",
            move |_vm, _a| {
                *cell.lock() = None;
                Ok(Value::None)
            },
        )));
    }
    let g = obj.get()?;
    Ok(Some(match name {
        "create_dataset" => Builtin::value(
            "create_dataset",
            "create_dataset(name, shape=None, dtype=None, data=None, chunks=None, compression=None)",
            "Create a dataset (parent groups are created as needed).",
            move |vm, a| create_dataset(vm, &g, a),
        ),
        "create_group" => Builtin::value(
            "create_group",
            "create_group(name)",
            "Create a group.",
            move |_vm, mut a| {
                let n = name_arg(&mut a, "create_group")?;
                let sub = g.create_group(&n).map_err(convert::store_error)?;
                Ok(member_value(H5Member::Group(sub)))
            },
        ),
        "keys" => Builtin::value("keys", "keys()", "Member names.", move |_vm, _a| {
            let k = g.keys().map_err(convert::store_error)?;
            Ok(Value::list(k.iter().map(|s| Value::str(s)).collect()))
        }),
        "flush" => Builtin::value("flush", "flush()", "Write buffers to disk.", move |_vm, _a| {
            g.flush().map_err(convert::store_error)?;
            Ok(Value::None)
        }),
        "filename" => Value::str(&g.filename().display().to_string()),
        "name" => Value::str(&g.name()),
        _ => return Ok(None),
    }))
}

impl Object for GroupObj {
    fn type_name(&self) -> String {
        if self.is_file { "File" } else { "Group" }.into()
    }
    fn repr(&self) -> String {
        match self.group.lock().as_ref() {
            None => "<Closed HDF5 file>".into(),
            Some(g) if self.is_file => format!(
                "<HDF5 file \"{}\" (mode {})>",
                g.filename()
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                if g.read_only() { "r" } else { "r+" }
            ),
            Some(g) => format!(
                "<HDF5 group \"{}\" ({} members)>",
                g.name(),
                g.keys().map(|k| k.len()).unwrap_or(0)
            ),
        }
    }
    fn getattr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        if name == "mode" && self.is_file {
            return Some(Ok(Value::str(&self.mode)));
        }
        group_method(self, name).transpose()
    }
    fn dir(&self) -> Vec<String> {
        [
            "create_dataset",
            "create_group",
            "keys",
            "close",
            "flush",
            "filename",
            "name",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    }
    fn getitem(&self, _vm: &mut Vm, key: &Value) -> Option<PyResult<Value>> {
        let r = (|| {
            let Value::Str(k) = key else {
                return Err(exc::type_error(format!(
                    "HDF5 members are named by str, not {}",
                    key.type_name()
                )));
            };
            let g = self.get()?;
            g.get(k).map(member_value).map_err(convert::store_error)
        })();
        Some(r)
    }
    fn iter(&self, _vm: &mut Vm) -> Option<PyResult<Vec<Value>>> {
        Some(
            self.get()
                .and_then(|g| g.keys().map_err(convert::store_error))
                .map(|k| k.iter().map(|s| Value::str(s)).collect()),
        )
    }
    fn len(&self) -> Option<usize> {
        self.group
            .lock()
            .as_ref()
            .and_then(|g| g.keys().ok())
            .map(|k| k.len())
    }
    fn enter_returns_self(&self) -> bool {
        true
    }
    fn exit(&self, _vm: &mut Vm, _exc: Option<&PyErr>) -> PyResult<bool> {
        if self.is_file {
            *self.group.lock() = None;
        }
        Ok(false)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl Object for DatasetObj {
    fn type_name(&self) -> String {
        "Dataset".into()
    }
    fn repr(&self) -> String {
        let d = &self.0;
        let shape = super::objects::tuple_repr(d.shape());
        format!(
            "<HDF5 dataset \"{}\": shape {shape}, type \"{}\">",
            d.name().rsplit('/').next().unwrap_or(""),
            d.dtype().str_code()
        )
    }
    fn getattr(&self, _vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        let d = &self.0;
        if let Some(v) = diskio::common_attr(&**d, name) {
            return Some(Ok(v));
        }
        Some(Ok(match name {
            "chunks" => d.chunks().map_or(Value::None, diskio::ints),
            "name" => Value::str(&d.name()),
            _ => return None,
        }))
    }
    fn dir(&self) -> Vec<String> {
        [
            "shape", "chunks", "dtype", "ndim", "size", "nbytes", "name", "file",
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

/// `h5py.File(name, mode='r')`.
fn file(_vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let path = match a.arg(0, "name") {
        Some(Value::Str(s)) => PathBuf::from(&*s),
        Some(other) => {
            return Err(exc::type_error(format!(
                "File() expected a file name (str), not {}",
                other.type_name()
            )))
        }
        None => return Err(exc::type_error("File() missing required argument: 'name'")),
    };
    let mode = match a.arg(1, "mode") {
        None => "r".to_string(),
        Some(Value::Str(m)) => m.to_string(),
        Some(other) => {
            return Err(exc::type_error(format!(
                "mode must be a str, not {}",
                other.type_name()
            )))
        }
    };
    let m = H5Mode::parse(&mode).ok_or_else(|| {
        exc::value_error(format!(
            "Invalid mode; must be one of r, r+, w, w-, x, a (got {mode:?})"
        ))
    })?;
    diskio::ignore_kws(&mut a, &["driver", "libver", "swmr", "locking"]);
    let g = H5Group::open(&path, m).map_err(|e| match e {
        crate::store::StoreError::NotFound(p) => exc::new(
            "FileNotFoundError",
            format!("[Errno 2] Unable to open file (unable to open file: name = '{p}')"),
        ),
        other => convert::store_error(other),
    })?;
    let shown = if m == H5Mode::Read { "r" } else { "r+" };
    Ok(Value::object(GroupObj {
        group: Arc::new(Mutex::new(Some(g))),
        is_file: true,
        mode: shown.into(),
    }))
}

/// The `h5py` module.
pub fn h5py_module() -> Value {
    let m = Module::new(
        "h5py",
        "HDF5 files: groups and datasets, read and written in place (files h5py opens).",
    );
    m.func(
        "File",
        "File(name, mode='r')",
        "Open an HDF5 file: 'r', 'r+', 'w' (truncate), 'w-'/'x' (must not exist), 'a'.",
        file,
    );
    Value::Module(Arc::new(m))
}

/// `da.to_hdf5(filename, datapath, x)` or `da.to_hdf5(filename, {path: x, ...})`:
/// datasets chunked like the arrays, written block by block in one run. A new
/// file is written under a temporary name and renamed when complete.
pub fn to_hdf5(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let Some(Value::Str(filename)) = a.pos.first().cloned() else {
        return Err(exc::type_error("to_hdf5() needs a file name (str) first"));
    };
    let pairs: Vec<(String, Value)> = match (a.pos.get(1), a.pos.get(2)) {
        (Some(Value::Dict(d)), _) => d
            .read()
            .iter()
            .map(|(_, (k, v))| match k {
                Value::Str(s) => Ok((s.to_string(), v.clone())),
                other => Err(exc::type_error(format!(
                    "to_hdf5: dataset paths must be str, not {}",
                    other.type_name()
                ))),
            })
            .collect::<PyResult<_>>()?,
        (Some(Value::Str(p)), Some(x)) => vec![(p.to_string(), x.clone())],
        _ => {
            return Err(exc::type_error(
                "to_hdf5(filename, datapath, x) or to_hdf5(filename, {datapath: x, ...})",
            ))
        }
    };
    let sched = crate::lang::modules::dask_runtime::scheduler_from(vm, &mut a)?;
    let gzip = gzip_level(&mut a)?;
    // chunks=True (Dask's default) chunks each dataset like its array; a tuple is used as given.
    let chunks = match a.take_kw("chunks") {
        None | Some(Value::None) | Some(Value::Bool(true)) => None,
        Some(v) => Some(convert::shape(&v)?),
    };
    diskio::refuse_kws(&mut a, &["shuffle"], "to_hdf5")?;
    let arrays = pairs
        .iter()
        .map(|(_, v)| lazy_operand(v).ok_or_else(|| super::objects::not_array("to_hdf5", v)))
        .collect::<PyResult<Vec<Array>>>()?;
    let path = Path::new(&*filename);
    let fresh = !path.exists();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.tessera-tmp-{}", std::process::id()));
    let target = if fresh { tmp.as_path() } else { path };
    let write = |vm: &mut Vm| -> PyResult<()> {
        let f = H5Group::open(target, H5Mode::Append).map_err(convert::store_error)?;
        let mut dsets: Vec<Arc<dyn DiskArray>> = Vec::new();
        for ((p, _), x) in pairs.iter().zip(&arrays) {
            array::mask::require_known(x, "to_hdf5").map_err(convert::array_error)?;
            let new = NewDataset {
                shape: x.meta().shape.clone(),
                dtype: Some(x.meta().dtype),
                chunks: (!x.meta().shape.is_empty())
                    .then(|| chunks.clone().unwrap_or_else(|| x.meta().chunksize())),
                gzip,
            };
            // As h5py's require_dataset: an existing dataset of the same shape
            // and dtype is overwritten in place; any other is an error.
            let ds = match f.get(p) {
                Ok(H5Member::Dataset(d)) => {
                    if d.shape() != new.shape.as_slice() || d.dtype() != x.meta().dtype {
                        return Err(exc::type_error(format!(
                            "Shapes or dtypes do not match (existing {} {} vs new {} {}) for '{p}'",
                            crate::chunk::shape_str(d.shape()),
                            d.dtype().name(),
                            crate::chunk::shape_str(&new.shape),
                            x.meta().dtype.name()
                        )));
                    }
                    d
                }
                Ok(H5Member::Group(_)) => {
                    return Err(exc::type_error(format!(
                        "'{p}' is a group in {}, not a dataset",
                        path.display()
                    )))
                }
                Err(crate::store::StoreError::Key(_)) => {
                    f.create_dataset(p, &new).map_err(convert::store_error)?
                }
                Err(e) => return Err(convert::store_error(e)),
            };
            dsets.push(Arc::new(ds));
        }
        if fresh {
            let kept = format!(
                "Nothing of it was kept: {} did not exist, and a new HDF5 file is \
                 written under a temporary name that becomes it only when complete. \
                 Run the same to_hdf5 again.",
                path.display()
            );
            diskio::store_all_then(vm, &arrays, &dsets, sched, &kept)
        } else {
            diskio::store_all(vm, &arrays, &dsets, sched)
        }
    };
    let r = write(vm);
    if fresh {
        match &r {
            Ok(()) => std::fs::rename(&tmp, path)
                .map_err(|e| exc::new("OSError", format!("{}: {e}", path.display())))?,
            Err(_) => {
                let _ = std::fs::remove_file(&tmp);
            }
        }
    }
    r.map(|()| Value::None)
}

/// `x.to_hdf5(filename, datapath)`.
pub fn method(x: &Array) -> Value {
    let x = x.clone();
    Builtin::value(
        "to_hdf5",
        "to_hdf5(filename, datapath, compression=None)",
        "Write this array to a dataset in an HDF5 file, block by block.",
        move |vm, mut a| {
            let recv = super::objects::ArrayObj::value(x.clone());
            let at = a.pos.len().min(2);
            a.pos.insert(at, recv);
            to_hdf5(vm, a)
        },
    )
}
