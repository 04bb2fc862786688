use super::*;

fn blockwise(rng: &CounterRng, shape: [usize; 2], bs: [usize; 2], kind: u8) -> Vec<u64> {
    let mut out = vec![0u64; shape[0] * shape[1]];
    let mut i0 = 0;
    while i0 < shape[0] {
        let h = bs[0].min(shape[0] - i0);
        let mut j0 = 0;
        while j0 < shape[1] {
            let w = bs[1].min(shape[1] - j0);
            let spec = BlockSpec {
                global_shape: &shape,
                offset: &[i0, j0],
                shape: &[h, w],
            };
            let c = draw(rng, &spec, kind);
            for i in 0..h {
                for j in 0..w {
                    out[(i0 + i) * shape[1] + j0 + j] = bits(&c, i * w + j);
                }
            }
            j0 += w;
        }
        i0 += h;
    }
    out
}

fn draw(rng: &CounterRng, spec: &BlockSpec<'_>, kind: u8) -> Chunk {
    match kind {
        0 => rng.random(spec).unwrap(),
        1 => rng.normal(2.0, 3.0, spec).unwrap(),
        _ => rng.randint(-5, 17, DType::Int64, spec).unwrap(),
    }
}

fn bits(c: &Chunk, i: usize) -> u64 {
    match c {
        Chunk::F64(a) => a.as_slice().unwrap()[i].to_bits(),
        Chunk::I64(a) => a.as_slice().unwrap()[i] as u64,
        _ => panic!("unexpected dtype"),
    }
}

#[test]
fn values_do_not_depend_on_chunking() {
    let rng = CounterRng::new(42, 0);
    for kind in 0..3 {
        let whole = blockwise(&rng, [10, 10], [10, 10], kind);
        let blocks = blockwise(&rng, [10, 10], [3, 4], kind);
        let odd = blockwise(&rng, [10, 10], [7, 1], kind);
        assert_eq!(whole, blocks, "kind {kind}");
        assert_eq!(whole, odd, "kind {kind}");
    }
}

#[test]
fn seeds_and_streams_differ() {
    let shape = [100];
    let a = CounterRng::new(1, 0)
        .random(&BlockSpec::whole(&shape))
        .unwrap();
    let b = CounterRng::new(2, 0)
        .random(&BlockSpec::whole(&shape))
        .unwrap();
    let c = CounterRng::new(1, 1)
        .random(&BlockSpec::whole(&shape))
        .unwrap();
    let a2 = CounterRng::new(1, 0)
        .random(&BlockSpec::whole(&shape))
        .unwrap();
    assert_ne!(a, b);
    assert_ne!(a, c);
    assert_eq!(a, a2);
}

#[test]
fn uniform_moments_and_range() {
    let shape = [200_000];
    let c = CounterRng::new(7, 3)
        .uniform(-2.0, 6.0, &BlockSpec::whole(&shape))
        .unwrap();
    let v = c.as_array::<f64>().unwrap();
    assert!(v.iter().all(|&x| (-2.0..6.0).contains(&x)));
    let mean = v.sum() / v.len() as f64;
    let var = v.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / v.len() as f64;
    assert!((mean - 2.0).abs() < 0.03, "mean {mean}");
    assert!((var - 64.0 / 12.0).abs() < 0.05, "var {var}");
}

#[test]
fn normal_moments() {
    let shape = [400, 500];
    let c = CounterRng::new(11, 0)
        .normal(1.0, 2.0, &BlockSpec::whole(&shape))
        .unwrap();
    let v = c.as_array::<f64>().unwrap();
    let n = v.len() as f64;
    let mean = v.sum() / n;
    let var = v.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n;
    let within1 = v.iter().filter(|&&x| (x - 1.0).abs() < 2.0).count() as f64 / n;
    assert!((mean - 1.0).abs() < 0.02, "mean {mean}");
    assert!((var - 4.0).abs() < 0.05, "var {var}");
    assert!((within1 - 0.6827).abs() < 0.01, "1-sigma mass {within1}");
}

#[test]
fn randint_range_and_coverage() {
    let shape = [50_000];
    let c = CounterRng::new(5, 0)
        .randint(3, 9, DType::UInt8, &BlockSpec::whole(&shape))
        .unwrap();
    assert_eq!(c.dtype(), DType::UInt8);
    let v = c.as_array::<u8>().unwrap();
    let mut counts = [0usize; 256];
    for &x in v.iter() {
        counts[x as usize] += 1;
    }
    for (k, &n) in counts.iter().enumerate() {
        if (3..9).contains(&k) {
            assert!((n as f64 - 50_000.0 / 6.0).abs() < 400.0, "value {k}: {n}");
        } else {
            assert_eq!(n, 0);
        }
    }
    assert!(CounterRng::new(5, 0)
        .randint(3, 3, DType::Int64, &BlockSpec::whole(&shape))
        .is_err());
    assert!(CounterRng::new(5, 0)
        .randint(0, 300, DType::UInt8, &BlockSpec::whole(&shape))
        .is_err());
}

#[test]
fn philox_known_answer() {
    // Random123's published known-answer vectors for philox4x32-10.
    assert_eq!(
        philox4x32_10([0, 0, 0, 0], [0, 0]),
        [0x6627_e8d5, 0xe169_c58d, 0xbc57_ac4c, 0x9b00_dbd8]
    );
    assert_eq!(
        philox4x32_10([0xffff_ffff; 4], [0xffff_ffff; 2]),
        [0x408f_276d, 0x41c8_3b0e, 0xa20b_c7c6, 0x6d54_51fd]
    );
}

#[test]
fn block_outside_array_is_an_error() {
    let spec = BlockSpec {
        global_shape: &[4, 4],
        offset: &[2, 2],
        shape: &[3, 2],
    };
    assert!(CounterRng::new(0, 0).random(&spec).is_err());
}

#[test]
fn normal_quantiles_and_tails() {
    // Ziggurat check: empirical CDF at a few points against the normal CDF
    let shape = [2_000_000];
    let c = CounterRng::new(3, 9)
        .standard_normal(&BlockSpec::whole(&shape))
        .unwrap();
    let v = c.as_array::<f64>().unwrap();
    let n = v.len() as f64;
    let cdf = |t: f64| v.iter().filter(|&&x| x < t).count() as f64 / n;
    for (t, want) in [
        (-3.0, 0.0013499),
        (-1.96, 0.0249979),
        (-0.5, 0.3085375),
        (0.0, 0.5),
        (1.0, 0.8413447),
        (3.7, 0.9998922),
    ] {
        let got = cdf(t);
        let sd = (want * (1.0 - want) / n).sqrt();
        assert!(
            (got - want).abs() < 5.0 * sd + 1e-6,
            "P(x < {t}) = {got}, want {want}"
        );
    }
    let tail = v
        .iter()
        .filter(|&&x| x.abs() > 3.654_152_885_361_009)
        .count();
    assert!(tail > 300 && tail < 700, "tail count {tail}");
}

#[test]
fn u53_conversion_by_bit_patterns_is_exact() {
    let top = (1u64 << 53) - 1;
    let mut cases = vec![
        0,
        1,
        2,
        3,
        top,
        top - 1,
        1 << 52,
        (1 << 52) + 1,
        (1 << 52) - 1,
    ];
    let mut z = 0x9E37_79B9_7F4A_7C15u64;
    for _ in 0..100_000 {
        z = z
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        cases.push(z >> 11);
    }
    for m in cases {
        assert_eq!(super::u53_to_f64(m).to_bits(), (m as f64).to_bits(), "{m}");
    }
}

#[test]
fn randint_small_ranges_equal_the_wide_multiply() {
    // The 32-bit split path gives exactly low + (w * range) >> 64.
    let rng = CounterRng::new(11, 0);
    let shape = [3000usize];
    let spec = BlockSpec::whole(&shape);
    for (lo, hi) in [(0i64, 100i64), (-5, 7), (0, 1 << 31), (0, (1 << 32) + 1)] {
        let got = rng
            .randint(lo, hi, DType::Int64, &spec)
            .unwrap()
            .to_f64_vec();
        let range = (hi - lo) as u64;
        for (g, v) in got.iter().enumerate() {
            let (a, b) = rng.words(g as u64 / 2);
            let w = if g % 2 == 0 { a } else { b };
            let want = lo + ((w as u128 * range as u128) >> 64) as i64;
            assert_eq!(*v as i64, want, "{lo}..{hi} at {g}");
        }
    }
}
