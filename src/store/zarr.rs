//! One zarr array (format 2 or 3) on disk or in memory: open, create, and read
//! or write rectangular regions as [`Chunk`]s. Encoding, codecs and chunk keys
//! are `zarrs`' job; this file only maps dtypes and shapes, and writes the
//! metadata zarr-python writes by default (`zstd` level 0 for both formats).

use super::chunking::guess_chunks;
use super::error::{Result, StoreError};
use super::fs::AtomicFsStore;
use crate::chunk::{dispatch_real, with_real_dtype, Chunk, DType};
use parking_lot::Mutex;
use serde_json::{json, Value as Json};
use std::ops::Range;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use zarrs::array::{Array, ArrayMetadata};
use zarrs::storage::store::MemoryStore;
use zarrs::storage::ReadableWritableListableStorageTraits;

/// Which zarr specification an array follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZarrFormat {
    /// Zarr v2 (`.zarray`, keys `0.0`).
    V2,
    /// Zarr v3 (`zarr.json`, keys `c/0/0`), zarr-python 3's default.
    V3,
}

/// What a new array looks like.
#[derive(Clone, Debug)]
pub struct NewArray {
    /// Array shape.
    pub shape: Vec<usize>,
    /// Chunk shape; `None` guesses one as zarr-python does.
    pub chunks: Option<Vec<usize>>,
    /// Element type.
    pub dtype: DType,
    /// Specification version.
    pub format: ZarrFormat,
    /// Value of never-written elements.
    pub fill_value: f64,
}

type Storage = dyn ReadableWritableListableStorageTraits;

/// An open zarr array.
pub struct ZarrArray {
    array: Array<Storage>,
    location: String,
    dtype: DType,
    shape: Vec<usize>,
    chunks: Vec<usize>,
    format: ZarrFormat,
    read_only: bool,
    /// Serialises writes that do not cover whole zarr chunks (read-modify-write).
    partial_writes: Mutex<()>,
    /// Chunks are C-order little-endian bytes under one zstd frame (zarr-python's
    /// default), which `read_direct` decodes without zarrs' pipeline.
    plain_zstd: bool,
    /// The directory of an on-disk array (chunk files are read as streams).
    root: Option<std::path::PathBuf>,
}

/// Whether chunks are stored as C-order little-endian bytes compressed by
/// zstd alone, the layout [`ZarrArray::read_direct`] decodes itself.
fn plain_zstd(meta: &Json) -> bool {
    if !cfg!(target_endian = "little") {
        return false;
    }
    if meta["zarr_format"] == 2 {
        let filters_none =
            meta["filters"].is_null() || meta["filters"].as_array().is_some_and(|f| f.is_empty());
        let big_endian = meta["dtype"].as_str().is_some_and(|d| d.starts_with('>'));
        return meta["compressor"]["id"] == "zstd"
            && filters_none
            && meta["order"] == "C"
            && !big_endian;
    }
    // A storage transformer may move or re-encode chunk keys: leave those to zarrs.
    if meta["storage_transformers"]
        .as_array()
        .is_some_and(|t| !t.is_empty())
    {
        return false;
    }
    match meta["codecs"].as_array().map(Vec::as_slice) {
        Some([bytes, zstd]) => {
            bytes["name"] == "bytes"
                && matches!(
                    bytes["configuration"]["endian"].as_str(),
                    None | Some("little")
                )
                && zstd["name"] == "zstd"
        }
        _ => false,
    }
}

/// Names `memory://N` stores apart.
static MEMORY_SEQ: AtomicU64 = AtomicU64::new(1);

fn io(e: impl std::fmt::Display) -> StoreError {
    StoreError::Io(e.to_string())
}

/// Whether `path` holds a zarr group rather than an array.
fn is_group(path: &Path) -> bool {
    if path.join(".zgroup").exists() && !path.join(".zarray").exists() {
        return true;
    }
    std::fs::read_to_string(path.join("zarr.json"))
        .ok()
        .and_then(|s| serde_json::from_str::<Json>(&s).ok())
        .is_some_and(|j| j["node_type"] == "group")
}

/// Whether `path` is an array's directory (so `mode='w'` may clear it).
fn is_zarr_dir(path: &Path) -> bool {
    ["zarr.json", ".zarray", ".zgroup", ".zattrs"]
        .iter()
        .any(|f| path.join(f).exists())
}

/// A dtype from zarr metadata (`"int32"`, `"<i4"`, `"|b1"`, ">f8", ...).
fn parse_dtype(s: &str) -> Result<DType> {
    let bare = s.trim_start_matches(['<', '>', '|', '=']);
    DType::ALL
        .into_iter()
        .filter(|d| !d.is_complex())
        .find(|&d| d.name() == s || d.str_code()[1..] == *bare)
        .ok_or_else(|| StoreError::DType(s.to_string()))
}

fn fill_json(d: DType, v: f64) -> Json {
    match d {
        DType::Bool => json!(v != 0.0),
        DType::Float32 | DType::Float64 => {
            if v.is_nan() {
                json!("NaN")
            } else {
                json!(v)
            }
        }
        _ => json!(v as i64),
    }
}

/// The metadata zarr-python writes for a new array with default codecs.
fn metadata(new: &NewArray, chunks: &[usize]) -> Json {
    let fill = fill_json(new.dtype, new.fill_value);
    match new.format {
        ZarrFormat::V3 => json!({
            "zarr_format": 3,
            "node_type": "array",
            "shape": new.shape,
            "data_type": new.dtype.name(),
            "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": chunks}},
            "chunk_key_encoding": {"name": "default", "configuration": {"separator": "/"}},
            "fill_value": fill,
            "codecs": [
                {"name": "bytes", "configuration": {"endian": "little"}},
                {"name": "zstd", "configuration": {"level": 0, "checksum": false}}
            ],
            "attributes": {}
        }),
        ZarrFormat::V2 => json!({
            "zarr_format": 2,
            "shape": new.shape,
            "chunks": chunks,
            "dtype": new.dtype.str_code(),
            "compressor": {"id": "zstd", "level": 0},
            "fill_value": fill,
            "order": "C",
            "filters": null,
            "dimension_separator": "."
        }),
    }
}

thread_local! {
    /// One zstd context per thread, reused for every chunk it decodes.
    static ZSTD: std::cell::RefCell<Option<zstd::bulk::Decompressor<'static>>> =
        const { std::cell::RefCell::new(None) };
}

/// Decompress one zstd frame into `dst`, which it must fill exactly.
fn decompress(src: &[u8], dst: &mut [u8]) -> Result<()> {
    let got = ZSTD.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            *slot = Some(zstd::bulk::Decompressor::new().map_err(io)?);
        }
        let d = slot.as_mut().expect("just created");
        d.decompress_to_buffer(src, dst).map_err(io)
    })?;
    if got != dst.len() {
        return Err(StoreError::Io(format!(
            "it decoded to {got} bytes, but its shape and dtype need {}",
            dst.len()
        )));
    }
    Ok(())
}

impl ZarrArray {
    /// Open the array at `path` (a directory holding `zarr.json` or `.zarray`).
    pub fn open(path: &Path, read_only: bool) -> Result<Self> {
        let shown = path.display().to_string();
        if !path.exists() || !(path.join("zarr.json").exists() || path.join(".zarray").exists()) {
            if path.exists() && is_group(path) {
                return Err(StoreError::IsGroup(shown));
            }
            return Err(StoreError::NotFound(shown));
        }
        if is_group(path) {
            return Err(StoreError::IsGroup(shown));
        }
        let store: Arc<Storage> = Arc::new(AtomicFsStore::new(path).map_err(StoreError::Io)?);
        let array = Array::open(store, "/").map_err(io)?;
        let mut z = Self::wrap(array, format!("file://{shown}"), read_only)?;
        z.root = Some(path.to_path_buf());
        Ok(z)
    }

    /// Create an array at `path` (`None`: in memory). `overwrite` clears an
    /// existing zarr array there; otherwise an existing one is an error.
    pub fn create(path: Option<&Path>, new: &NewArray, overwrite: bool) -> Result<Self> {
        let chunks = match &new.chunks {
            Some(c) => c.clone(),
            None => guess_chunks(&new.shape, new.dtype.itemsize()),
        };
        if chunks.len() != new.shape.len() || chunks.contains(&0) {
            return Err(StoreError::Shape(format!(
                "chunks {chunks:?} do not fit an array of shape {:?}",
                new.shape
            )));
        }
        let meta: ArrayMetadata = serde_json::from_value(metadata(new, &chunks)).map_err(io)?;
        let (store, location): (Arc<Storage>, String) = match path {
            Some(p) => {
                let shown = p.display().to_string();
                if p.exists() {
                    let empty = std::fs::read_dir(p).map_err(io)?.next().is_none();
                    if !empty && !overwrite {
                        return Err(StoreError::Exists(shown));
                    }
                    if !empty {
                        if !is_zarr_dir(p) {
                            return Err(StoreError::Io(format!(
                                "'{shown}' exists and is not a zarr store; not overwriting it"
                            )));
                        }
                        std::fs::remove_dir_all(p).map_err(io)?;
                    }
                }
                let s = AtomicFsStore::new(p).map_err(StoreError::Io)?;
                (Arc::new(s), format!("file://{shown}"))
            }
            None => (
                Arc::new(MemoryStore::new()),
                format!("memory://{}", MEMORY_SEQ.fetch_add(1, Ordering::Relaxed)),
            ),
        };
        let array = Array::new_with_metadata(store, "/", meta).map_err(io)?;
        array.store_metadata().map_err(io)?;
        let mut z = Self::wrap(array, location, false)?;
        z.root = path.map(Path::to_path_buf);
        Ok(z)
    }

    fn wrap(array: Array<Storage>, location: String, read_only: bool) -> Result<Self> {
        let meta = serde_json::to_value(array.metadata()).map_err(io)?;
        let (format, dtype, chunks) = if meta["zarr_format"] == 2 {
            let d = meta["dtype"].as_str().unwrap_or("?").to_string();
            (ZarrFormat::V2, d, meta["chunks"].clone())
        } else {
            let d = match &meta["data_type"] {
                Json::String(s) => s.clone(),
                other => other.to_string(),
            };
            let grid = &meta["chunk_grid"];
            if grid["name"] != "regular" {
                return Err(StoreError::Shape(format!(
                    "chunk grid {} is not supported (only regular grids)",
                    grid["name"]
                )));
            }
            (
                ZarrFormat::V3,
                d,
                grid["configuration"]["chunk_shape"].clone(),
            )
        };
        let dtype = parse_dtype(&dtype)?;
        let plain_zstd = plain_zstd(&meta);
        let shape: Vec<usize> = array.shape().iter().map(|&n| n as usize).collect();
        let chunks: Vec<usize> = serde_json::from_value(chunks).map_err(io)?;
        Ok(Self {
            array,
            location,
            dtype,
            shape,
            chunks,
            format,
            read_only,
            partial_writes: Mutex::new(()),
            plain_zstd,
            root: None,
        })
    }

    /// Element type.
    pub fn dtype(&self) -> DType {
        self.dtype
    }
    /// Array shape.
    pub fn shape(&self) -> &[usize] {
        &self.shape
    }
    /// The zarr chunk shape (the shard shape for sharded arrays).
    pub fn chunks(&self) -> &[usize] {
        &self.chunks
    }
    /// Zarr format 2 or 3.
    pub fn format(&self) -> ZarrFormat {
        self.format
    }
    /// `file://path` or `memory://N`, as zarr-python shows it.
    pub fn location(&self) -> &str {
        &self.location
    }
    /// Whether writes are refused.
    pub fn read_only(&self) -> bool {
        self.read_only
    }
    fn ranges(&self, offset: &[usize], shape: &[usize]) -> Result<Vec<Range<u64>>> {
        Ok(super::region_ranges(&self.shape, offset, shape)?
            .into_iter()
            .map(|r| r.start as u64..r.end as u64)
            .collect())
    }

    /// Read the region at `offset` with `shape`.
    pub fn read(&self, offset: &[usize], shape: &[usize]) -> Result<Chunk> {
        let ranges = self.ranges(offset, shape)?;
        if shape.contains(&0) {
            return Chunk::zeros(shape, self.dtype).map_err(io);
        }
        if let Some(c) = self.read_direct(offset, shape)? {
            return Ok(c);
        }
        with_real_dtype!(self.dtype, T => {
            let data: Vec<T> = self.array.retrieve_array_subset(&ranges).map_err(io)?;
            Chunk::from_vec(data, shape).map_err(io)
        }, complex => Err(StoreError::DType("complex128 is not supported by Tessera's stores".into())))
    }

    /// A region inside one storage chunk, decoded without zarrs' codec
    /// pipeline. A whole chunk (the usual `from_zarr` block) is decompressed
    /// straight into the block's buffer, with no intermediate byte vector to
    /// convert; a smaller region is decoded only as far as it reaches, since
    /// zstd is a stream: `x[0, 0]` decodes one 128 KiB block of a 4 MB chunk.
    /// `None` when the layout or the region does not allow it (then zarrs
    /// reads it as usual).
    fn read_direct(&self, offset: &[usize], shape: &[usize]) -> Result<Option<Chunk>> {
        if !self.plain_zstd || shape.is_empty() {
            return Ok(None);
        }
        let c = &self.chunks;
        let within =
            (0..shape.len()).all(|ax| (offset[ax] + shape[ax] - 1) / c[ax] == offset[ax] / c[ax]);
        if !within {
            return Ok(None);
        }
        let index: Vec<u64> = offset.iter().zip(c).map(|(o, n)| (o / n) as u64).collect();
        let key = self.array.chunk_key(&index);
        self.decode_region(&index, &key, offset, shape)
            .map_err(|e| StoreError::Io(format!("zarr chunk '{key}' of {}: {e}", self.location)))
    }

    /// `read_direct`'s work for the chunk at `index` (stored under `key`).
    fn decode_region(
        &self,
        index: &[u64],
        key: &zarrs::storage::StoreKey,
        offset: &[usize],
        shape: &[usize],
    ) -> Result<Option<Chunk>> {
        let c = &self.chunks;
        let rel: Vec<usize> = offset.iter().zip(c).map(|(o, n)| o % n).collect();
        let row: usize = c[1..].iter().product();
        let rows = rel[0] + shape[0];
        let mut bytes = vec![];
        if rows < c[0] {
            // Leading rows: decode the stream only that far, reading the
            // chunk file only that far when it is on disk.
            bytes.resize(rows * row * self.dtype.itemsize(), 0u8);
            let done = match &self.root {
                Some(root) => match std::fs::File::open(root.join(key.as_str())) {
                    Ok(file) => zstd::stream::read::Decoder::new(file)
                        .and_then(|mut d| std::io::Read::read_exact(&mut d, &mut bytes)),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
                    Err(e) => Err(e),
                },
                None => match self.array.retrieve_encoded_chunk(index).map_err(io)? {
                    Some(encoded) => zstd::stream::read::Decoder::with_buffer(&encoded[..])
                        .and_then(|mut d| std::io::Read::read_exact(&mut d, &mut bytes)),
                    None => return Ok(None), // never written: the fill value
                },
            };
            done.map_err(io)?;
        } else {
            let Some(encoded) = self.array.retrieve_encoded_chunk(index).map_err(io)? else {
                return Ok(None); // never written: the fill value, via the usual path
            };
            if rel.iter().all(|&r| r == 0) && shape == c.as_slice() {
                if let Some(chunk) = self.decode_whole(&encoded, shape)? {
                    return Ok(Some(chunk));
                }
            }
            bytes.resize(rows * row * self.dtype.itemsize(), 0u8);
            decompress(&encoded, &mut bytes)?;
        }
        let mut prefix_shape = c.clone();
        prefix_shape[0] = rows;
        let info: Vec<ndarray::SliceInfoElem> = rel
            .iter()
            .zip(shape)
            .map(|(&o, &n)| ndarray::SliceInfoElem::Slice {
                start: o as isize,
                end: Some((o + n) as isize),
                step: 1,
            })
            .collect();
        let data_type = self.array.data_type();
        with_real_dtype!(self.dtype, T => {
            let values: Vec<T> = zarrs::array::ElementOwned::from_array_bytes(data_type, bytes.into()).map_err(io)?;
            let all = ndarray::ArrayD::from_shape_vec(prefix_shape, values).map_err(io)?;
            let part = all.slice(info.as_slice()).to_owned();
            Ok(Some(<T as crate::chunk::Elem>::into_chunk(part)))
        }, complex => Ok(None))
    }

    /// A whole chunk decompressed into its final buffer (numeric dtypes; bool
    /// bytes must be checked, so they take the converting path).
    fn decode_whole(&self, encoded: &[u8], shape: &[usize]) -> Result<Option<Chunk>> {
        fn pod<T: bytemuck::Pod>(encoded: &[u8], shape: &[usize]) -> Result<Vec<T>> {
            let n: usize = shape.iter().product();
            let mut out = vec![T::zeroed(); n];
            decompress(encoded, bytemuck::cast_slice_mut(&mut out))?;
            Ok(out)
        }
        macro_rules! typed {
            ($($d:ident => $t:ty),*) => {
                match self.dtype {
                    $(DType::$d => Chunk::from_vec(pod::<$t>(encoded, shape)?, shape).map_err(io)?,)*
                    _ => return Ok(None),
                }
            };
        }
        Ok(Some(typed!(
            Int8 => i8, Int16 => i16, Int32 => i32, Int64 => i64,
            UInt8 => u8, UInt16 => u16, UInt32 => u32, UInt64 => u64,
            Float32 => f32, Float64 => f64
        )))
    }

    /// Write `data` (cast to the array's dtype) at `offset`. Writes that cover
    /// whole zarr chunks run in parallel; others are serialised, since zarr
    /// must read, patch and rewrite the chunks they touch.
    pub fn write(&self, offset: &[usize], data: &Chunk) -> Result<()> {
        if self.read_only {
            return Err(StoreError::ReadOnly);
        }
        let ranges = self.ranges(offset, data.shape())?;
        if data.size() == 0 {
            return Ok(());
        }
        let typed = data.cast_ref(self.dtype).map_err(io)?;
        let aligned = (0..offset.len()).all(|ax| {
            let end = offset[ax] + data.shape()[ax];
            offset[ax].is_multiple_of(self.chunks[ax])
                && (end.is_multiple_of(self.chunks[ax]) || end == self.shape[ax])
        });
        let _guard = (!aligned).then(|| self.partial_writes.lock());
        dispatch_real!(typed.as_ref(), a => {
            let c = a.as_standard_layout();
            let flat = c.as_slice().expect("standard layout is contiguous");
            self.array.store_array_subset(&ranges, flat).map_err(io)
        }, complex => Err(StoreError::DType("complex128 is not supported by Tessera's stores".into())))
    }
}

#[cfg(test)]
#[path = "zarr_tests.rs"]
mod tests;
