//! `cargo fuzz run wire`: see `tessera::fuzzing::wire`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| tessera::fuzzing::wire::one(data));
