//! `cargo fuzz run array_meta`: see `tessera::fuzzing::array_meta`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| tessera::fuzzing::array_meta::one(data));
