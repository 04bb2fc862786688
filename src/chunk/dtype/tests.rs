use super::*;

// Tables produced by numpy 2.4 (`np.promote_types`, `np.zeros(1, a) + scalar`).
const PROMOTE: [(&str, [&str; 11]); 11] = [
    (
        "bool",
        [
            "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
            "float32", "float64",
        ],
    ),
    (
        "int8",
        [
            "int8", "int8", "int16", "int32", "int64", "int16", "int32", "int64", "float64",
            "float32", "float64",
        ],
    ),
    (
        "int16",
        [
            "int16", "int16", "int16", "int32", "int64", "int16", "int32", "int64", "float64",
            "float32", "float64",
        ],
    ),
    (
        "int32",
        [
            "int32", "int32", "int32", "int32", "int64", "int32", "int32", "int64", "float64",
            "float64", "float64",
        ],
    ),
    (
        "int64",
        [
            "int64", "int64", "int64", "int64", "int64", "int64", "int64", "int64", "float64",
            "float64", "float64",
        ],
    ),
    (
        "uint8",
        [
            "uint8", "int16", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
            "float32", "float64",
        ],
    ),
    (
        "uint16",
        [
            "uint16", "int32", "int32", "int32", "int64", "uint16", "uint16", "uint32", "uint64",
            "float32", "float64",
        ],
    ),
    (
        "uint32",
        [
            "uint32", "int64", "int64", "int64", "int64", "uint32", "uint32", "uint32", "uint64",
            "float64", "float64",
        ],
    ),
    (
        "uint64",
        [
            "uint64", "float64", "float64", "float64", "float64", "uint64", "uint64", "uint64",
            "uint64", "float64", "float64",
        ],
    ),
    (
        "float32",
        [
            "float32", "float32", "float32", "float64", "float64", "float32", "float32", "float64",
            "float64", "float32", "float64",
        ],
    ),
    (
        "float64",
        [
            "float64", "float64", "float64", "float64", "float64", "float64", "float64", "float64",
            "float64", "float64", "float64",
        ],
    ),
];

// Columns: + True, + 1, + 1.5, a / a.
const SCALARS: [(&str, [&str; 4]); 11] = [
    ("bool", ["bool", "int64", "float64", "float64"]),
    ("int8", ["int8", "int8", "float64", "float64"]),
    ("int16", ["int16", "int16", "float64", "float64"]),
    ("int32", ["int32", "int32", "float64", "float64"]),
    ("int64", ["int64", "int64", "float64", "float64"]),
    ("uint8", ["uint8", "uint8", "float64", "float64"]),
    ("uint16", ["uint16", "uint16", "float64", "float64"]),
    ("uint32", ["uint32", "uint32", "float64", "float64"]),
    ("uint64", ["uint64", "uint64", "float64", "float64"]),
    ("float32", ["float32", "float32", "float32", "float32"]),
    ("float64", ["float64", "float64", "float64", "float64"]),
];

#[test]
fn promotion_table_matches_numpy() {
    for (a, row) in PROMOTE {
        let da = DType::parse(a).unwrap();
        for (j, want) in row.iter().enumerate() {
            let db = DType::ALL[j];
            assert_eq!(DType::promote(da, db).name(), *want, "{a} + {db}");
            assert_eq!(
                DType::promote(db, da).name(),
                *want,
                "{db} + {a} (symmetry)"
            );
        }
    }
}

#[test]
fn python_scalar_promotion_matches_numpy() {
    for (a, row) in SCALARS {
        let d = DType::parse(a).unwrap();
        assert_eq!(
            DType::promote_scalar(d, PyScalarKind::Bool).name(),
            row[0],
            "{a}+True"
        );
        assert_eq!(
            DType::promote_scalar(d, PyScalarKind::Int).name(),
            row[1],
            "{a}+1"
        );
        assert_eq!(
            DType::promote_scalar(d, PyScalarKind::Float).name(),
            row[2],
            "{a}+1.5"
        );
        assert_eq!(DType::true_divide(d, d).name(), row[3], "{a}/{a}");
    }
}

#[test]
fn parse_spellings() {
    let cases = [
        ("float64", DType::Float64),
        ("f8", DType::Float64),
        ("<f8", DType::Float64),
        ("float", DType::Float64),
        ("d", DType::Float64),
        ("float32", DType::Float32),
        ("f4", DType::Float32),
        ("int", DType::Int64),
        ("i4", DType::Int32),
        ("int8", DType::Int8),
        ("uint8", DType::UInt8),
        ("u2", DType::UInt16),
        ("bool", DType::Bool),
        ("?", DType::Bool),
        ("np.int16", DType::Int16),
    ];
    for (s, d) in cases {
        assert_eq!(DType::parse(s).unwrap(), d, "{s}");
    }
    assert_eq!(DType::parse("complex").unwrap(), DType::Complex128);
    let err = DType::parse("complex64").unwrap_err();
    assert_eq!(
        err.to_string(),
        "complex64 is not supported by Tessera: use complex128"
    );
    let err = DType::parse("float16").unwrap_err();
    assert_eq!(err.to_string(), "data type 'float16' not understood");
}

#[test]
fn sizes_and_names_round_trip() {
    for d in DType::ALL {
        assert_eq!(DType::parse(d.name()).unwrap(), d);
        assert_eq!(DType::parse(&d.str_code()[1..]).unwrap(), d);
        assert_eq!(d.str_code()[2..].parse::<usize>().unwrap(), d.itemsize());
    }
    assert_eq!(
        DType::promote(DType::Float32, DType::Complex128),
        DType::Complex128
    );
    assert_eq!(DType::sum_result(DType::Int32), DType::Int64);
    assert_eq!(DType::sum_result(DType::UInt8), DType::UInt64);
    assert_eq!(DType::sum_result(DType::Bool), DType::Int64);
    assert_eq!(DType::mean_result(DType::Int16), DType::Float64);
    assert_eq!(DType::mean_result(DType::Float32), DType::Float32);
}
