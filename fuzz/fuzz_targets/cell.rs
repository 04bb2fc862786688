//! `cargo fuzz run cell`: see `tessera::fuzzing::cell`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| tessera::fuzzing::cell::one(data));
