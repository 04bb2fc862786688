//! HDF5 files (what `h5py` reads and writes), through `hdf5-metno` over the
//! system's libhdf5: open or create a file, walk its groups, create datasets,
//! and read or write rectangular regions of a dataset as [`Chunk`]s. The
//! library serialises every HDF5 call itself, so handles are safe to share
//! between scheduler threads.

use super::error::{Result, StoreError};
use crate::chunk::{dispatch_real, with_real_dtype, Chunk, DType};
use hdf5::types::{FloatSize, IntSize, TypeDescriptor};
use hdf5::{Hyperslab, Selection, SliceOrIndex};
use hdf5_metno as hdf5;
use ndarray::IxDyn;
use std::path::{Path, PathBuf};

fn io(e: impl std::fmt::Display) -> StoreError {
    StoreError::Io(e.to_string())
}

/// How to open a file, with h5py's mode letters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum H5Mode {
    /// `'r'`: read only; the file must exist.
    Read,
    /// `'r+'`: read and write; the file must exist.
    ReadWrite,
    /// `'w'`: create, truncating a file already there.
    Truncate,
    /// `'w-'` / `'x'`: create; fail if a file is there.
    Exclusive,
    /// `'a'`: read and write if it exists, create otherwise.
    Append,
}

impl H5Mode {
    /// The mode for an h5py mode string.
    pub fn parse(s: &str) -> Option<H5Mode> {
        Some(match s {
            "r" => H5Mode::Read,
            "r+" => H5Mode::ReadWrite,
            "w" => H5Mode::Truncate,
            "w-" | "x" => H5Mode::Exclusive,
            "a" => H5Mode::Append,
            _ => return None,
        })
    }
}

/// An open HDF5 file (or a group inside one).
#[derive(Clone)]
pub struct H5Group {
    group: hdf5::Group,
    /// Kept so the file stays open while the group is used.
    _file: Option<hdf5::File>,
    filename: PathBuf,
    read_only: bool,
}

/// What a name in a group refers to.
pub enum H5Member {
    /// A subgroup.
    Group(H5Group),
    /// A dataset.
    Dataset(H5Dataset),
}

/// Options for a new dataset.
#[derive(Clone, Debug, Default)]
pub struct NewDataset {
    /// Shape.
    pub shape: Vec<usize>,
    /// Element type.
    pub dtype: Option<DType>,
    /// Chunk shape (`None`: contiguous storage).
    pub chunks: Option<Vec<usize>>,
    /// gzip level, when compressed.
    pub gzip: Option<u8>,
}

impl H5Group {
    /// Open `path` with an h5py mode.
    pub fn open(path: &Path, mode: H5Mode) -> Result<H5Group> {
        let shown = path.display().to_string();
        let exists = path.exists();
        let file = match mode {
            H5Mode::Read | H5Mode::ReadWrite if !exists => {
                return Err(StoreError::NotFound(shown));
            }
            H5Mode::Read => hdf5::File::open(path),
            H5Mode::ReadWrite => hdf5::File::open_rw(path),
            H5Mode::Truncate => hdf5::File::create(path),
            H5Mode::Exclusive if exists => return Err(StoreError::Exists(shown)),
            H5Mode::Exclusive => hdf5::File::create_excl(path),
            H5Mode::Append => hdf5::File::append(path),
        }
        .map_err(|e| StoreError::Io(format!("Unable to open file '{shown}': {e}")))?;
        Ok(H5Group {
            group: (*file).clone(),
            _file: Some(file),
            filename: path.to_path_buf(),
            read_only: mode == H5Mode::Read,
        })
    }

    /// The file's name as opened.
    pub fn filename(&self) -> &Path {
        &self.filename
    }

    /// The group's path in the file (`/` for the file itself).
    pub fn name(&self) -> String {
        self.group.name()
    }

    /// Whether writes are refused.
    pub fn read_only(&self) -> bool {
        self.read_only
    }

    /// Member names, in HDF5's (alphabetical) order.
    pub fn keys(&self) -> Result<Vec<String>> {
        self.group.member_names().map_err(io)
    }

    /// Write the file's buffers to disk.
    pub fn flush(&self) -> Result<()> {
        match &self._file {
            Some(f) => f.flush().map_err(io),
            None => Ok(()),
        }
    }

    /// Whether `name` (a path, possibly nested) exists here.
    pub fn contains(&self, name: &str) -> bool {
        let mut at = String::new();
        for part in name.trim_matches('/').split('/') {
            if !at.is_empty() {
                at.push('/');
            }
            at.push_str(part);
            if !self.group.link_exists(&at) {
                return false;
            }
        }
        true
    }

    /// The group or dataset at `name`.
    pub fn get(&self, name: &str) -> Result<H5Member> {
        if !self.contains(name) {
            return Err(StoreError::Key(format!(
                "Unable to open object (object '{name}' doesn't exist)"
            )));
        }
        if let Ok(ds) = self.group.dataset(name) {
            return H5Dataset::wrap(ds, self).map(H5Member::Dataset);
        }
        let g = self.group.group(name).map_err(io)?;
        Ok(H5Member::Group(H5Group {
            group: g,
            _file: self._file.clone(),
            filename: self.filename.clone(),
            read_only: self.read_only,
        }))
    }

    /// Create a subgroup (and any missing parents).
    pub fn create_group(&self, name: &str) -> Result<H5Group> {
        if self.read_only {
            return Err(StoreError::ReadOnly);
        }
        if self.contains(name) {
            return Err(StoreError::NameTaken("group", name.to_string()));
        }
        let mut g = self.group.clone();
        for part in name.trim_matches('/').split('/') {
            g = match g.group(part) {
                Ok(sub) => sub,
                Err(_) => g.create_group(part).map_err(io)?,
            };
        }
        Ok(H5Group {
            group: g,
            _file: self._file.clone(),
            filename: self.filename.clone(),
            read_only: false,
        })
    }

    /// Create a dataset at `name` (parents created as needed).
    pub fn create_dataset(&self, name: &str, new: &NewDataset) -> Result<H5Dataset> {
        if self.read_only {
            return Err(StoreError::ReadOnly);
        }
        if self.contains(name) {
            return Err(StoreError::NameTaken("dataset", name.to_string()));
        }
        let dtype = new.dtype.unwrap_or(DType::Float32);
        if let Some(c) = &new.chunks {
            if c.len() != new.shape.len() || c.contains(&0) {
                return Err(StoreError::Shape(format!(
                    "Chunk shape must not be greater than data shape in any dimension. {c:?} is not compatible with {:?}",
                    new.shape
                )));
            }
        }
        let ds = with_real_dtype!(dtype, T => {
            let mut b = self
                .group
                .new_dataset::<T>()
                .shape(new.shape.clone())
                .create_intermediate_group(true);
            if let Some(c) = &new.chunks {
                let c: Vec<usize> = c.iter().zip(&new.shape).map(|(&c, &n)| c.min(n.max(1))).collect();
                b = b.chunk(c);
            }
            if let Some(level) = new.gzip {
                b = b.deflate(level);
            }
            b.create(name).map_err(io)?
        }, complex => return Err(StoreError::DType("complex128 is not supported by Tessera's stores".into())));
        H5Dataset::wrap(ds, self)
    }
}

/// One HDF5 dataset.
#[derive(Clone)]
pub struct H5Dataset {
    ds: hdf5::Dataset,
    _file: Option<hdf5::File>,
    filename: PathBuf,
    dtype: DType,
    shape: Vec<usize>,
    chunks: Option<Vec<usize>>,
    read_only: bool,
}

/// The Tessera dtype of an HDF5 type.
fn dtype_of(t: &TypeDescriptor) -> Result<DType> {
    let size = |s: &IntSize| *s as usize;
    Ok(match t {
        TypeDescriptor::Boolean => DType::Bool,
        TypeDescriptor::Integer(s) => match size(s) {
            1 => DType::Int8,
            2 => DType::Int16,
            4 => DType::Int32,
            _ => DType::Int64,
        },
        TypeDescriptor::Unsigned(s) => match size(s) {
            1 => DType::UInt8,
            2 => DType::UInt16,
            4 => DType::UInt32,
            _ => DType::UInt64,
        },
        TypeDescriptor::Float(FloatSize::U4) => DType::Float32,
        TypeDescriptor::Float(_) => DType::Float64,
        // h5py stores NumPy bools as an int8 enum {FALSE: 0, TRUE: 1}.
        TypeDescriptor::Enum(e) if e.members.len() == 2 && e.size as usize == 1 => DType::Bool,
        other => return Err(StoreError::DType(format!("{other:?}"))),
    })
}

impl H5Dataset {
    fn wrap(ds: hdf5::Dataset, parent: &H5Group) -> Result<H5Dataset> {
        let t = ds.dtype().and_then(|t| t.to_descriptor()).map_err(io)?;
        Ok(H5Dataset {
            dtype: dtype_of(&t)?,
            shape: ds.shape(),
            chunks: ds.chunk(),
            ds,
            _file: parent._file.clone(),
            filename: parent.filename.clone(),
            read_only: parent.read_only,
        })
    }

    /// Element type.
    pub fn dtype(&self) -> DType {
        self.dtype
    }
    /// Shape.
    pub fn shape(&self) -> &[usize] {
        &self.shape
    }
    /// HDF5 chunk shape, if chunked.
    pub fn chunks(&self) -> Option<&[usize]> {
        self.chunks.as_deref()
    }
    /// The dataset's path in its file.
    pub fn name(&self) -> String {
        self.ds.name()
    }
    /// The file it lives in.
    pub fn filename(&self) -> &Path {
        &self.filename
    }
    /// Whether writes are refused.
    pub fn read_only(&self) -> bool {
        self.read_only
    }

    fn selection(&self, offset: &[usize], shape: &[usize]) -> Result<Selection> {
        let parts: Vec<SliceOrIndex> = super::region_ranges(&self.shape, offset, shape)?
            .into_iter()
            .map(SliceOrIndex::from)
            .collect();
        Ok(Selection::from(Hyperslab::from(parts)))
    }

    /// Read the region at `offset` with `shape`.
    pub fn read(&self, offset: &[usize], shape: &[usize]) -> Result<Chunk> {
        if shape.contains(&0) || self.shape.is_empty() {
            if self.shape.is_empty() {
                return with_real_dtype!(self.dtype, T => {
                    let v: T = self.ds.read_scalar().map_err(io)?;
                    Chunk::from_vec(vec![v], &[]).map_err(io)
                }, complex => return Err(StoreError::DType("complex128 is not supported by Tessera's stores".into())));
            }
            return Chunk::zeros(shape, self.dtype).map_err(io);
        }
        let sel = self.selection(offset, shape)?;
        with_real_dtype!(self.dtype, T => {
            let a = self.ds.read_slice::<T, _, IxDyn>(sel).map_err(io)?;
            Ok(<T as crate::chunk::Elem>::into_chunk(a))
        }, complex => Err(StoreError::DType("complex128 is not supported by Tessera's stores".into())))
    }

    /// Write `data` (cast to the dataset's dtype) at `offset`.
    pub fn write(&self, offset: &[usize], data: &Chunk) -> Result<()> {
        if self.read_only {
            return Err(StoreError::ReadOnly);
        }
        if data.size() == 0 {
            return Ok(());
        }
        let sel = self.selection(offset, data.shape())?;
        let typed = data.cast_ref(self.dtype).map_err(io)?;
        dispatch_real!(typed.as_ref(), a => {
            let c = a.as_standard_layout();
            self.ds.write_slice(c.view(), sel).map_err(io)
        }, complex => Err(StoreError::DType("complex128 is not supported by Tessera's stores".into())))
    }

    /// Flush written data to the file.
    pub fn flush(&self) -> Result<()> {
        self.ds.flush().map_err(io)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::DiskArray;

    #[test]
    fn datasets_round_trip_with_groups_chunks_and_gzip() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.h5");
        let f = H5Group::open(&p, H5Mode::Truncate).unwrap();
        let data: Vec<f64> = (0..35).map(|i| i as f64 / 2.0).collect();
        let c = Chunk::from_vec(data, &[5, 7]).unwrap();
        for (name, chunks, gzip) in [("x", None, None), ("grp/sub/y", Some(vec![2, 3]), Some(4))] {
            let new = NewDataset {
                shape: vec![5, 7],
                dtype: Some(DType::Float64),
                chunks,
                gzip,
            };
            let ds = f.create_dataset(name, &new).unwrap();
            ds.write(&[0, 0], &c).unwrap();
            assert_eq!(ds.read_all().unwrap(), c);
            let part = ds.read(&[1, 2], &[3, 4]).unwrap();
            assert_eq!(
                part,
                crate::chunk::blocks::sub(&c, &[1, 2], &[3, 4]).unwrap()
            );
        }
        assert_eq!(f.keys().unwrap(), vec!["grp".to_string(), "x".to_string()]);
        assert!(f.contains("grp/sub/y") && !f.contains("grp/nope"));
        assert!(matches!(
            f.create_dataset("x", &NewDataset::default()),
            Err(StoreError::NameTaken("dataset", _))
        ));
        drop(f);
        let r = H5Group::open(&p, H5Mode::Read).unwrap();
        let H5Member::Dataset(y) = r.get("grp/sub/y").unwrap() else {
            panic!("not a dataset")
        };
        assert_eq!(
            (y.dtype(), y.chunks()),
            (DType::Float64, Some(&[2usize, 3][..]))
        );
        assert_eq!(y.write(&[0, 0], &c), Err(StoreError::ReadOnly));
        assert!(matches!(r.get("missing"), Err(StoreError::Key(_))));
        assert!(matches!(
            H5Group::open(&dir.path().join("none.h5"), H5Mode::Read),
            Err(StoreError::NotFound(_))
        ));
        assert!(matches!(
            H5Group::open(&p, H5Mode::Exclusive),
            Err(StoreError::Exists(_))
        ));
    }

    #[test]
    fn every_dtype_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let f = H5Group::open(&dir.path().join("t.h5"), H5Mode::Truncate).unwrap();
        let base: Vec<i64> = (0..12).map(|i| i % 5).collect();
        let c = Chunk::from_vec(base, &[3, 4]).unwrap();
        for d in DType::ALL.into_iter().filter(|d| !d.is_complex()) {
            let want = c.astype(d).unwrap();
            let new = NewDataset {
                shape: vec![3, 4],
                dtype: Some(d),
                ..Default::default()
            };
            let ds = f.create_dataset(d.name(), &new).unwrap();
            ds.write(&[0, 0], &want).unwrap();
            let H5Member::Dataset(back) = f.get(d.name()).unwrap() else {
                panic!("not a dataset")
            };
            assert_eq!(back.dtype(), d);
            assert_eq!(back.read_all().unwrap(), want, "{d:?}");
        }
    }
}
