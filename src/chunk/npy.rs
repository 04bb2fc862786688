//! NumPy's `.npy` files: save and load whole chunks, and memory-map big files so
//! a lazy array reads only the regions its tasks touch (`np.load(f, mmap_mode='r')`
//! then `da.from_array`). Parsing and writing the format is `ndarray-npy`'s job.
//! Saving writes a temporary file and renames it, so an interrupted save never
//! leaves a torn file under the real name.

use super::error::{ChunkError, Result};
use super::{Chunk, DType};
use memmap2::Mmap;
use ndarray::{ArrayViewD, IxDyn, SliceInfoElem};
use ndarray_npy::{ViewNpyExt, WriteNpyExt};
use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

/// A memory-mapped `.npy` file: its dtype and shape, and regions on demand.
pub struct NpyMap {
    map: Mmap,
    dtype: DType,
    shape: Vec<usize>,
    path: PathBuf,
}

const DTYPES: [DType; 11] = [
    DType::Float64,
    DType::Float32,
    DType::Int64,
    DType::Int32,
    DType::Int16,
    DType::Int8,
    DType::UInt64,
    DType::UInt32,
    DType::UInt16,
    DType::UInt8,
    DType::Bool,
];

fn io_err(path: &Path, e: impl std::fmt::Display) -> ChunkError {
    ChunkError::Value(format!("{}: {e}", path.display()))
}

impl NpyMap {
    /// Map `path` read-only and read its header (the data is not read).
    pub fn open(path: &Path) -> Result<NpyMap> {
        let file = File::open(path).map_err(|e| io_err(path, e))?;
        // SAFETY: the map is read-only; a file changed underneath gives wrong values,
        // never memory unsafety beyond what NumPy's own memmap accepts.
        let map = unsafe { Mmap::map(&file) }.map_err(|e| io_err(path, e))?;
        for d in DTYPES {
            let shape = with_real_dtype!(d, T => ArrayViewD::<T>::view_npy(&map[..]).map(|v| v.shape().to_vec()), complex => continue);
            if let Ok(shape) = shape {
                return Ok(NpyMap {
                    map,
                    dtype: d,
                    shape,
                    path: path.to_path_buf(),
                });
            }
        }
        Err(io_err(
            path,
            "not a .npy file Tessera can read (supported: bool, int8–64, uint8–64, float32/64, little-endian)",
        ))
    }

    /// Element type.
    pub fn dtype(&self) -> DType {
        self.dtype
    }

    /// Array shape.
    pub fn shape(&self) -> &[usize] {
        &self.shape
    }

    /// The file it maps.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Copy the region at `offset` with `shape` out of the file.
    pub fn region(&self, offset: &[usize], shape: &[usize]) -> Result<Chunk> {
        if offset.len() != self.shape.len() || shape.len() != self.shape.len() {
            return Err(ChunkError::Shape(
                "region rank differs from the file's".into(),
            ));
        }
        for ax in 0..shape.len() {
            if offset[ax] + shape[ax] > self.shape[ax] {
                return Err(ChunkError::Shape(format!(
                    "region {offset:?}+{shape:?} is outside the file's shape {:?}",
                    self.shape
                )));
            }
        }
        let info: Vec<SliceInfoElem> = offset
            .iter()
            .zip(shape)
            .map(|(&o, &n)| SliceInfoElem::Slice {
                start: o as isize,
                end: Some((o + n) as isize),
                step: 1,
            })
            .collect();
        with_real_dtype!(self.dtype, T => {
            let v = ArrayViewD::<T>::view_npy(&self.map[..]).map_err(|e| io_err(&self.path, e))?;
            let part = v.slice(info.as_slice());
            Ok(<T as super::Elem>::into_chunk(part.to_owned().into_dimensionality::<IxDyn>().map_err(|e| ChunkError::Shape(e.to_string()))?))
        }, complex => Err(ChunkError::DType("complex128 .npy files are not supported by Tessera".into())))
    }

    /// The whole array.
    pub fn read_all(&self) -> Result<Chunk> {
        self.region(&vec![0; self.shape.len()], &self.shape.clone())
    }
}

/// Load a whole `.npy` file.
pub fn load(path: &Path) -> Result<Chunk> {
    NpyMap::open(path)?.read_all()
}

/// Save `c` to `path` (C order), through a temporary file and a rename.
pub fn save(path: &Path, c: &Chunk) -> Result<()> {
    let tmp = path.with_extension(format!("npy.tmp-{}", std::process::id()));
    let write = || -> Result<()> {
        let f = File::create(&tmp).map_err(|e| io_err(&tmp, e))?;
        let w = BufWriter::new(f);
        dispatch_real!(c, a => a.as_standard_layout().write_npy(w).map_err(|e| io_err(path, e)), complex => return Err(ChunkError::DType("complex128 .npy files are not supported by Tessera".into())))?;
        std::fs::rename(&tmp, path).map_err(|e| io_err(path, e))
    };
    let r = write();
    if r.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::ArrayD;

    #[test]
    fn save_load_and_regions_round_trip_every_dtype() {
        let dir = tempfile::tempdir().unwrap();
        let data: Vec<i64> = (0..24).collect();
        let a = ArrayD::from_shape_vec(IxDyn(&[2, 3, 4]), data).unwrap();
        for d in DTYPES {
            let c = Chunk::I64(a.clone()).astype(d).unwrap();
            let p = dir.path().join(format!("x-{d:?}.npy"));
            save(&p, &c).unwrap();
            assert_eq!(load(&p).unwrap(), c, "{d:?}");
            let m = NpyMap::open(&p).unwrap();
            assert_eq!((m.dtype(), m.shape()), (d, &[2usize, 3, 4][..]));
            let r = m.region(&[1, 1, 2], &[1, 2, 2]).unwrap();
            let want = crate::chunk::blocks::sub(&c, &[1, 1, 2], &[1, 2, 2]).unwrap();
            assert_eq!(r, want);
        }
        assert!(NpyMap::open(&dir.path().join("missing.npy")).is_err());
        std::fs::write(dir.path().join("junk.npy"), b"not numpy").unwrap();
        assert!(NpyMap::open(&dir.path().join("junk.npy")).is_err());
        let m = NpyMap::open(&dir.path().join("x-Float64.npy")).unwrap();
        assert!(m.region(&[0, 0, 0], &[3, 1, 1]).is_err());
        // No temporary files are left behind.
        assert!(std::fs::read_dir(dir.path()).unwrap().all(|e| !e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .contains("tmp")));
    }
}
