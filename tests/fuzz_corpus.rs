//! The short, stable-toolchain version of the `cargo fuzz` campaigns in
//! `fuzz/`: every kept corpus input, then generated mutations of it for a few
//! seconds, through the same `tessera::fuzzing` entry points. A panic is a
//! failure, exactly as libFuzzer would count it. Longer runs:
//! `FUZZ_SECS=60 cargo test --release --test fuzz_corpus`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tessera::fuzzing;

fn budget() -> Duration {
    let secs = std::env::var("FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3.0);
    Duration::from_secs_f64(secs)
}

fn corpus(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "empty corpus {}", dir.display());
    files
        .into_iter()
        .map(|p| {
            let b = std::fs::read(&p).expect("corpus file");
            (p, b)
        })
        .collect()
}

/// xorshift64: deterministic, so a failure reproduces.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// libFuzzer-style byte mutations: flip, insert, delete, duplicate a span,
/// splice from another input.
fn mutate(rng: &mut Rng, input: &[u8], other: &[u8]) -> Vec<u8> {
    let mut v = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let pos = rng.below(v.len() + 1);
        match rng.below(5) {
            0 if !v.is_empty() => {
                let i = pos.min(v.len() - 1);
                v[i] ^= 1 << rng.below(8);
            }
            1 => v.insert(pos, rng.next() as u8),
            2 if pos < v.len() => {
                let end = (pos + 1 + rng.below(8)).min(v.len());
                v.drain(pos..end);
            }
            3 if pos < v.len() => {
                let end = (pos + 1 + rng.below(16)).min(v.len());
                let span = v[pos..end].to_vec();
                v.splice(pos..pos, span);
            }
            _ if !other.is_empty() => {
                let a = rng.below(other.len());
                let b = (a + 1 + rng.below(32)).min(other.len());
                v.splice(pos..pos, other[a..b].iter().copied());
            }
            _ => {}
        }
    }
    v
}

fn campaign(target: &str, run: fn(&[u8])) {
    let inputs = corpus(target);
    for (path, bytes) in &inputs {
        let r = std::panic::catch_unwind(|| run(bytes));
        assert!(r.is_ok(), "{target}: corpus input {} fails", path.display());
    }
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let start = Instant::now();
    let mut execs = 0u64;
    while start.elapsed() < budget() {
        let a = &inputs[rng.below(inputs.len())].1;
        let b = &inputs[rng.below(inputs.len())].1;
        let case = mutate(&mut rng, a, b);
        if std::panic::catch_unwind(|| run(&case)).is_err() {
            panic!("{target}: generated input fails: {case:?}");
        }
        execs += 1;
    }
    assert!(execs > 0);
}

#[test]
fn wire_corpus_and_mutations() {
    campaign("wire", fuzzing::wire::one);
}

#[test]
fn cell_corpus_and_mutations() {
    // Mutated cells may write files (`open`, `np.save`): keep them out of the
    // repository. No other test in this binary depends on the working directory.
    let scratch = tempfile::tempdir().expect("scratch dir");
    std::env::set_current_dir(scratch.path()).expect("chdir");
    campaign("cell", fuzzing::cell::one);
}

#[test]
fn array_meta_corpus_and_mutations() {
    campaign("array_meta", fuzzing::array_meta::one);
}
