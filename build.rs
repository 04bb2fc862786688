//! Links Debian's OpenBLAS (the pthread flavour, which is safe to call from
//! several threads at once) for ndarray's `blas` feature: large f32/f64 matrix
//! products go to its tuned `gemm`. The run path is baked in so the binary
//! always loads that flavour, whatever `update-alternatives` points at.

const OPENBLAS_DIR: &str = "/usr/lib/x86_64-linux-gnu/openblas-pthread";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if !std::path::Path::new(OPENBLAS_DIR)
        .join("libopenblas.so")
        .exists()
    {
        panic!(
            "OpenBLAS not found in {OPENBLAS_DIR}: install Debian's libopenblas-pthread-dev \
             (`make deps` does)"
        );
    }
    println!("cargo:rustc-link-search=native={OPENBLAS_DIR}");
    println!("cargo:rustc-link-lib=dylib=openblas");
    println!("cargo:rustc-link-arg=-Wl,-rpath,{OPENBLAS_DIR}");
}
