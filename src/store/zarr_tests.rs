use super::*;
use crate::store::DiskArray;
use ndarray::{ArrayD, IxDyn};

/// The real dtypes (the stores refuse complex128).
const ALL: [DType; 11] = {
    let mut a = [DType::Bool; 11];
    let mut i = 0;
    while i < 11 {
        a[i] = DType::ALL[i];
        i += 1;
    }
    a
};

fn counting(shape: &[usize]) -> Chunk {
    let n: usize = shape.iter().product();
    let data: Vec<i64> = (0..n as i64).map(|i| i % 97).collect();
    Chunk::I64(ArrayD::from_shape_vec(IxDyn(shape), data).unwrap())
}

fn new(shape: &[usize], chunks: &[usize], dtype: DType, format: ZarrFormat) -> NewArray {
    NewArray {
        shape: shape.to_vec(),
        chunks: Some(chunks.to_vec()),
        dtype,
        format,
        fill_value: 0.0,
    }
}

fn no_temporaries(dir: &Path) -> bool {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let e = e.unwrap();
            if e.path().is_dir() {
                stack.push(e.path());
            } else if crate::store::is_temporary(&e.file_name().to_string_lossy()) {
                return false;
            }
        }
    }
    true
}

#[test]
fn every_dtype_round_trips_in_both_formats() {
    let dir = tempfile::tempdir().unwrap();
    for format in [ZarrFormat::V2, ZarrFormat::V3] {
        for d in ALL {
            let p = dir.path().join(format!("{d:?}-{format:?}.zarr"));
            let data = counting(&[7, 5]).astype(d).unwrap();
            let z = ZarrArray::create(Some(&p), &new(&[7, 5], &[3, 2], d, format), false).unwrap();
            z.write(&[0, 0], &data).unwrap();
            let back = ZarrArray::open(&p, true).unwrap();
            assert_eq!(
                (back.dtype(), back.shape(), back.chunks(), back.format()),
                (d, &[7usize, 5][..], &[3usize, 2][..], format)
            );
            assert_eq!(back.read_all().unwrap(), data, "{d:?} {format:?}");
            let part = back.read(&[2, 1], &[4, 3]).unwrap();
            let want = crate::chunk::blocks::sub(&data, &[2, 1], &[4, 3]).unwrap();
            assert_eq!(part, want);
        }
    }
    assert!(no_temporaries(dir.path()));
    // Format-specific metadata and chunk keys, as zarr-python names them.
    let v2 = dir.path().join("Int32-V2.zarr");
    assert!(v2.join(".zarray").exists() && v2.join("0.0").exists());
    let v3 = dir.path().join("Int32-V3.zarr");
    assert!(v3.join("zarr.json").exists() && v3.join("c/0/0").exists());
}

#[test]
fn unwritten_regions_read_as_the_fill_value() {
    let mut spec = new(&[4, 4], &[2, 2], DType::Float64, ZarrFormat::V3);
    spec.fill_value = f64::NAN;
    let z = ZarrArray::create(None, &spec, false).unwrap();
    assert!(z.location().starts_with("memory://"));
    z.write(&[0, 0], &Chunk::ones(&[2, 2], DType::Float64).unwrap())
        .unwrap();
    let all = z.read_all().unwrap().to_f64_vec();
    assert_eq!(all[0], 1.0);
    assert!(all[15].is_nan());
}

#[test]
fn partial_writes_from_many_threads_all_land() {
    // 1-wide column stripes cut every 4×4 zarr chunk: each write must read,
    // patch and rewrite chunks other threads are patching too. Twenty rounds
    // make a lost update (no lock) show up reliably.
    for _ in 0..20 {
        let z = Arc::new(
            ZarrArray::create(
                None,
                &new(&[8, 8], &[4, 4], DType::Int64, ZarrFormat::V3),
                false,
            )
            .unwrap(),
        );
        std::thread::scope(|s| {
            for col in 0..8usize {
                let z = z.clone();
                s.spawn(move || {
                    let v = crate::chunk::Scalar::I64(col as i64 + 1);
                    let c = Chunk::full(&[8, 1], v, DType::Int64).unwrap();
                    z.write(&[0, col], &c).unwrap();
                });
            }
        });
        let got = z.read_all().unwrap().to_f64_vec();
        for (i, v) in got.iter().enumerate() {
            assert_eq!(*v, (i % 8 + 1) as f64);
        }
    }
}

#[test]
fn errors_name_the_problem() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.zarr");
    assert!(matches!(
        ZarrArray::open(&p, true),
        Err(StoreError::NotFound(_))
    ));
    let spec = new(&[4], &[2], DType::Int32, ZarrFormat::V3);
    ZarrArray::create(Some(&p), &spec, false).unwrap();
    assert!(matches!(
        ZarrArray::create(Some(&p), &spec, false),
        Err(StoreError::Exists(_))
    ));
    // Overwrite replaces a zarr store, but never a folder that is not one.
    ZarrArray::create(Some(&p), &spec, true).unwrap();
    let other = dir.path().join("notes");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("keep.txt"), "mine").unwrap();
    assert!(ZarrArray::create(Some(&other), &spec, true).is_err());
    assert!(other.join("keep.txt").exists());
    let ro = ZarrArray::open(&p, true).unwrap();
    assert_eq!(
        ro.write(&[0], &Chunk::ones(&[2], DType::Int32).unwrap()),
        Err(StoreError::ReadOnly)
    );
    let rw = ZarrArray::open(&p, false).unwrap();
    assert!(matches!(
        rw.write(&[3], &Chunk::ones(&[2], DType::Int32).unwrap()),
        Err(StoreError::Shape(_))
    ));
    let g = dir.path().join("g.zarr");
    std::fs::create_dir(&g).unwrap();
    std::fs::write(
        g.join("zarr.json"),
        r#"{"zarr_format":3,"node_type":"group"}"#,
    )
    .unwrap();
    assert!(matches!(
        ZarrArray::open(&g, true),
        Err(StoreError::IsGroup(_))
    ));
    assert!(matches!(
        parse_dtype("complex128"),
        Err(StoreError::DType(_))
    ));
    assert_eq!(parse_dtype(">f8").unwrap(), DType::Float64);
}

#[test]
fn direct_chunk_reads_equal_the_data() {
    let dir = tempfile::tempdir().unwrap();
    for format in [ZarrFormat::V2, ZarrFormat::V3] {
        for d in ALL {
            let p = dir.path().join(format!("prefix-{d:?}-{format:?}.zarr"));
            let data = counting(&[50, 30, 3]).astype(d).unwrap();
            let z = ZarrArray::create(Some(&p), &new(&[50, 30, 3], &[40, 20, 3], d, format), false)
                .unwrap();
            z.write(&[0, 0, 0], &data).unwrap();
            let back = ZarrArray::open(&p, true).unwrap();
            let mem = ZarrArray::create(None, &new(&[50, 30, 3], &[40, 20, 3], d, format), false)
                .unwrap();
            mem.write(&[0, 0, 0], &data).unwrap();
            assert!(
                back.plain_zstd,
                "{d:?} {format:?}: zarr-python's default layout"
            );
            // Leading rows of a chunk, middle rows, a whole chunk, a whole edge
            // chunk, columns of a chunk, and a region across chunks: all must
            // equal the same region of the data.
            for (offset, shape) in [
                (vec![0, 0, 0], vec![1, 1, 1]),
                (vec![3, 5, 1], vec![7, 10, 2]),
                (vec![40, 21, 0], vec![2, 9, 3]),
                (vec![0, 0, 0], vec![40, 20, 3]),
                (vec![40, 20, 0], vec![10, 10, 3]),
                (vec![0, 20, 0], vec![40, 7, 2]),
                (vec![30, 15, 0], vec![15, 10, 3]),
            ] {
                let fast = back.read_direct(&offset, &shape).unwrap();
                let in_memory = mem.read_direct(&offset, &shape).unwrap();
                assert_eq!(fast, in_memory, "{d:?} {format:?} {offset:?} {shape:?}");
                let one_chunk = (0..3).all(|ax| {
                    let n = [40, 20, 3][ax];
                    offset[ax] / n == (offset[ax] + shape[ax] - 1) / n
                });
                assert_eq!(fast.is_some(), one_chunk, "{offset:?} {shape:?}");
                let got = back.read(&offset, &shape).unwrap();
                let want = crate::chunk::blocks::sub(&data, &offset, &shape).unwrap();
                assert_eq!(got, want, "{d:?} {format:?} {offset:?} {shape:?}");
            }
        }
    }
}

#[test]
fn only_zarr_pythons_default_layout_is_decoded_directly() {
    let v3 = |codecs: serde_json::Value, transformers: serde_json::Value| serde_json::json!({"zarr_format": 3, "codecs": codecs, "storage_transformers": transformers});
    let plain = serde_json::json!([
        {"name": "bytes", "configuration": {"endian": "little"}},
        {"name": "zstd", "configuration": {"level": 0, "checksum": false}}
    ]);
    assert!(plain_zstd(&v3(plain.clone(), serde_json::Value::Null)));
    assert!(plain_zstd(&v3(plain.clone(), serde_json::json!([]))));
    assert!(!plain_zstd(&v3(plain, serde_json::json!([{"name": "t"}]))));
    let big = serde_json::json!([
        {"name": "bytes", "configuration": {"endian": "big"}},
        {"name": "zstd"}
    ]);
    assert!(!plain_zstd(&v3(big, serde_json::Value::Null)));
    let checked = serde_json::json!([{"name": "bytes"}, {"name": "zstd"}, {"name": "crc32c"}]);
    assert!(!plain_zstd(&v3(checked, serde_json::Value::Null)));
    let v2 = |compressor: &str, filters: serde_json::Value, order: &str, dtype: &str| {
        serde_json::json!({"zarr_format": 2, "compressor": {"id": compressor},
            "filters": filters, "order": order, "dtype": dtype})
    };
    let null = serde_json::Value::Null;
    let cases = [
        ("zstd", null.clone(), "C", "<i4", true),
        ("zstd", serde_json::json!([]), "C", "|b1", true),
        ("blosc", null.clone(), "C", "<i4", false),
        (
            "zstd",
            serde_json::json!([{"id": "delta"}]),
            "C",
            "<i4",
            false,
        ),
        ("zstd", null.clone(), "F", "<i4", false),
        ("zstd", null, "C", ">i4", false),
    ];
    for (compressor, filters, order, dtype, direct) in cases {
        let meta = v2(compressor, filters.clone(), order, dtype);
        assert_eq!(
            plain_zstd(&meta),
            direct,
            "{compressor} {filters} {order} {dtype}"
        );
    }
}

#[test]
fn a_damaged_chunk_is_named_in_the_error() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("damaged.zarr");
    let z = ZarrArray::create(
        Some(&p),
        &new(&[20, 20], &[10, 10], DType::Int32, ZarrFormat::V3),
        false,
    )
    .unwrap();
    z.write(&[0, 0], &counting(&[20, 20]).astype(DType::Int32).unwrap())
        .unwrap();
    std::fs::write(p.join("c/0/0"), b"not a zstd frame").unwrap();
    std::fs::write(p.join("c/0/1"), b"").unwrap();
    let z = ZarrArray::open(&p, true).unwrap();
    // A whole chunk, a chunk's first row, and an emptied chunk file.
    for (offset, shape) in [([0, 0], [10, 10]), ([0, 0], [1, 1]), ([0, 10], [1, 2])] {
        let e = z.read(&offset, &shape).unwrap_err().to_string();
        assert!(e.starts_with("zarr chunk 'c/0/"), "{offset:?}: {e}");
        assert!(e.contains("damaged.zarr"), "{offset:?}: {e}");
    }
    // The undamaged chunks still read.
    let ok = z.read(&[10, 10], &[10, 10]).unwrap();
    let want = crate::chunk::blocks::sub(
        &counting(&[20, 20]).astype(DType::Int32).unwrap(),
        &[10, 10],
        &[10, 10],
    )
    .unwrap();
    assert_eq!(ok, want);
}
