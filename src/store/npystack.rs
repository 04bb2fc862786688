//! Dask's `.npy` stack directories (`da.to_npy_stack` / `da.from_npy_stack`):
//! one `.npy` file per block along one axis (`0.npy`, `1.npy`, …) and an
//! `info` file holding a pickled dict `{'chunks': ..., 'dtype': ..., 'axis': ...}`.
//! The pickle is read and written with `serde-pickle`. Dask pickles the dtype
//! as a `numpy.dtype` object, which `serde-pickle` cannot express; Tessera
//! writes its name (`'float64'`), which Dask's reader accepts as any dtype
//! spec, and reads the dtype from the first block's `.npy` header. Every file
//! is written under a temporary name and renamed into place.

use super::error::{Result, StoreError};
use crate::chunk::npy::{self, NpyMap};
use crate::chunk::{Chunk, DType};
use serde_pickle::{DeOptions, HashableValue, SerOptions, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What an `info` file says about a stack.
#[derive(Clone, Debug, PartialEq)]
pub struct StackInfo {
    /// Block sizes per axis (one block along every axis but `axis`).
    pub chunks: Vec<Vec<usize>>,
    /// Element type.
    pub dtype: DType,
    /// The axis the files split.
    pub axis: usize,
}

/// Python's message for a missing file.
fn missing(p: &Path) -> StoreError {
    StoreError::FileNotFound(p.display().to_string())
}

fn io(p: &Path, e: impl std::fmt::Display) -> StoreError {
    StoreError::Io(format!("{}: {e}", p.display()))
}

/// The file that holds block `i` along the stack's axis.
pub fn block_path(dir: &Path, i: usize) -> PathBuf {
    dir.join(format!("{i}.npy"))
}

/// Open block `i`'s file (memory-mapped; nothing is read until asked).
pub fn open_block(dir: &Path, i: usize) -> Result<NpyMap> {
    let p = block_path(dir, i);
    if !p.exists() {
        return Err(missing(&p));
    }
    NpyMap::open(&p).map_err(|e| StoreError::Io(e.to_string()))
}

/// Write block `i` (through a temporary file and a rename).
pub fn write_block(dir: &Path, i: usize, c: &Chunk) -> Result<()> {
    npy::save(&block_path(dir, i), c).map_err(|e| StoreError::Io(e.to_string()))
}

/// Create the directory if it is missing (not its parents, as `os.mkdir`).
pub fn create_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    std::fs::create_dir(dir).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => missing(dir),
        _ => io(dir, e),
    })
}

fn ints(v: &Value, what: &str, p: &Path) -> Result<Vec<i64>> {
    let items = match v {
        Value::Tuple(t) | Value::List(t) => t,
        _ => return Err(bad(p, what)),
    };
    items
        .iter()
        .map(|x| match x {
            Value::I64(n) => Ok(*n),
            _ => Err(bad(p, what)),
        })
        .collect()
}

fn bad(p: &Path, what: &str) -> StoreError {
    StoreError::Io(format!(
        "{}: not a Dask .npy stack info file ({what} missing or malformed)",
        p.display()
    ))
}

/// Read `dir/info` (and the dtype from `dir/0.npy`).
pub fn read_info(dir: &Path) -> Result<StackInfo> {
    let p = dir.join("info");
    let bytes = std::fs::read(&p).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => missing(&p),
        _ => io(&p, e),
    })?;
    let v = serde_pickle::value_from_slice(&bytes, DeOptions::new().replace_unresolved_globals())
        .map_err(|e| io(&p, e))?;
    let Value::Dict(d) = v else {
        return Err(bad(&p, "dict"));
    };
    let get = |k: &str| {
        d.get(&HashableValue::String(k.into()))
            .ok_or_else(|| bad(&p, k))
    };
    let chunks = match get("chunks")? {
        Value::Tuple(t) | Value::List(t) => t
            .iter()
            .map(|c| {
                ints(c, "chunks", &p)?
                    .into_iter()
                    .map(|n| usize::try_from(n).map_err(|_| bad(&p, "chunks")))
                    .collect::<Result<Vec<usize>>>()
            })
            .collect::<Result<Vec<_>>>()?,
        _ => return Err(bad(&p, "chunks")),
    };
    let ndim = chunks.len() as i64;
    let axis = match get("axis")? {
        Value::I64(a) if (-ndim..ndim).contains(a) => (if *a < 0 { a + ndim } else { *a }) as usize,
        _ => return Err(bad(&p, "axis")),
    };
    let dtype = open_block(dir, 0)?.dtype();
    Ok(StackInfo {
        chunks,
        dtype,
        axis,
    })
}

/// Write `dir/info` as a pickled dict (through a temporary file and a rename).
pub fn write_info(dir: &Path, info: &StackInfo) -> Result<()> {
    let tuple = |c: &[usize]| Value::Tuple(c.iter().map(|&n| Value::I64(n as i64)).collect());
    let mut d = BTreeMap::new();
    d.insert(
        HashableValue::String("chunks".into()),
        Value::Tuple(info.chunks.iter().map(|c| tuple(c)).collect()),
    );
    d.insert(
        HashableValue::String("dtype".into()),
        Value::String(info.dtype.name().into()),
    );
    d.insert(
        HashableValue::String("axis".into()),
        Value::I64(info.axis as i64),
    );
    let p = dir.join("info");
    let bytes =
        serde_pickle::value_to_vec(&Value::Dict(d), SerOptions::new()).map_err(|e| io(&p, e))?;
    let tmp = dir.join(format!(".info.tessera-tmp-{}", std::process::id()));
    let r = std::fs::write(&tmp, bytes).and_then(|_| std::fs::rename(&tmp, &p));
    if let Err(e) = r {
        let _ = std::fs::remove_file(&tmp);
        return Err(io(&p, e));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `pickle.dumps({'chunks': ((3, 1), (3,)), 'dtype': np.dtype('f8'), 'axis': 0})`
    /// as Dask 2026.8 / NumPy 2.4 wrote it.
    const DASK_INFO: &[u8] = b"\x80\x04\x95a\x00\x00\x00\x00\x00\x00\x00}\x94(\x8c\x06chunks\x94K\x03K\x01\x86\x94K\x03\x85\x94\x86\x94\x8c\x05dtype\x94\x8c\x05numpy\x94\x8c\x05dtype\x94\x93\x94\x8c\x02f8\x94\x89\x88\x87\x94R\x94(K\x03\x8c\x01<\x94NNNJ\xff\xff\xff\xffJ\xff\xff\xff\xffK\x00t\x94b\x8c\x04axis\x94K\x00u.";

    #[test]
    fn reads_what_dask_writes() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("info"), DASK_INFO).unwrap();
        let c = Chunk::from_vec(vec![0.0f64; 9], &[3, 3]).unwrap();
        write_block(dir.path(), 0, &c).unwrap();
        let info = read_info(dir.path()).unwrap();
        assert_eq!(
            info,
            StackInfo {
                chunks: vec![vec![3, 1], vec![3]],
                dtype: DType::Float64,
                axis: 0
            }
        );
    }

    #[test]
    fn round_trips_and_leaves_no_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("stack");
        create_dir(&sub).unwrap();
        create_dir(&sub).unwrap();
        let c = Chunk::from_vec(vec![1i32, 2, 3, 4], &[2, 2]).unwrap();
        write_block(&sub, 0, &c).unwrap();
        let info = StackInfo {
            chunks: vec![vec![2], vec![2]],
            dtype: DType::Int32,
            axis: 1,
        };
        write_info(&sub, &info).unwrap();
        assert_eq!(read_info(&sub).unwrap(), info);
        assert_eq!(open_block(&sub, 0).unwrap().read_all().unwrap(), c);
        let names: Vec<String> = std::fs::read_dir(&sub)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(names.iter().all(|n| !n.contains("tmp")), "{names:?}");
    }

    #[test]
    fn missing_files_are_file_not_found() {
        let dir = tempfile::tempdir().unwrap();
        let e = read_info(&dir.path().join("nothing")).unwrap_err();
        assert!(matches!(e, StoreError::FileNotFound(_)), "{e:?}");
        assert!(e.to_string().ends_with("nothing/info'"), "{e}");
        assert!(matches!(
            create_dir(&dir.path().join("a/b")).unwrap_err(),
            StoreError::FileNotFound(_)
        ));
        std::fs::write(dir.path().join("info"), b"junk").unwrap();
        assert!(matches!(
            read_info(dir.path()).unwrap_err(),
            StoreError::Io(_)
        ));
    }
}
