# Tessera: the two commands a fresh machine needs are `make lab` and `make test`.
# Debian packages: `make deps` (run as root; .ci/run does it).

VENV      := .venv
PY        := $(VENV)/bin/python
STAMP     := $(VENV)/.installed
TEST_PREFIX := target/jupyter
CARGO     ?= cargo

.PHONY: lab test deps lint rust-test debug-bin e2e release venv bench bench-quick bench-latency reliability fuzz clean-venv

## Build the release binary, install the kernelspec into .venv and open JupyterLab on notebooks/.
lab: deps release venv
	./target/release/tessera install --prefix $(VENV)
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root,)

## Run every test: formatting, lints, Rust unit + integration tests, then the
## Python end-to-end suites (dialect fixtures vs CPython, conformance, protocol,
## browser), and the
## benchmark harness at tiny sizes.
test: deps lint rust-test e2e bench-quick

## Debian packages the build and tests need: libhdf5 (HDF5 files), OpenBLAS
## (matrix products) and chromium (browser tests); installed only when missing
## (needs root).
deps:
	@test -e /usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y libopenblas-pthread-dev; }
	@command -v chromium >/dev/null || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; }
	@pkg-config --exists hdf5 2>/dev/null || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y libhdf5-dev pkg-config; }

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --all-targets -- -D warnings

rust-test:
	$(CARGO) test

release:
	$(CARGO) build --release

venv: $(STAMP)

$(STAMP): tests/e2e/requirements.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -r tests/e2e/requirements.txt
	touch $(STAMP)

# The debug binary comes from the test build (same features as `cargo test`,
# so nothing is compiled twice; a second copy outgrew CI's disk once).
debug-bin:
	$(CARGO) test --no-run

e2e: venv debug-bin
	python3 tests/cpython_check.py
	$(PY) tests/cpython_check.py --arrays
	rm -rf $(TEST_PREFIX)
	./target/debug/tessera install --prefix $(TEST_PREFIX)
	TESSERA_BIN=$(CURDIR)/target/debug/tessera TESSERA_TEST_PREFIX=$(CURDIR)/$(TEST_PREFIX) \
		$(PY) -m pytest -q -p no:cacheprovider --timeout=300 tests/e2e

BENCH_VENV := bench/.venv
BENCH_STAMP := $(BENCH_VENV)/.installed

$(BENCH_STAMP): bench/requirements.txt
	python3 -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install -q --upgrade pip
	$(BENCH_VENV)/bin/pip install -q -r bench/requirements.txt
	touch $(BENCH_STAMP)

## The side-by-side comparison with Dask (full sizes; long): workloads W1-W10, kernel
## latency (W11) and the scheduler micro-benchmark, all written to bench/RESULTS.md.
bench: release $(BENCH_STAMP)
	$(BENCH_VENV)/bin/python bench/run.py --tessera $(CURDIR)/target/release/tessera $(BENCH_ARGS)
	$(BENCH_VENV)/bin/python bench/kernel_latency.py --tessera $(CURDIR)/target/release/tessera --md bench/RESULTS.md
	printf '\n## Scheduler alone (Rust micro-benchmark, `cargo bench --bench sched_overhead`)\n\n```\n' >> bench/RESULTS.md
	$(CARGO) bench --bench sched_overhead 2>/dev/null | tee -a bench/RESULTS.md
	printf '```\n' >> bench/RESULTS.md

## The same harness at tiny sizes (CI runs it so the harness never rots).
bench-quick: $(BENCH_STAMP) debug-bin
	$(BENCH_VENV)/bin/python bench/run.py --quick --timeout 120 --tessera $(CURDIR)/target/debug/tessera --out target/bench-quick.md

## Kernel start-up and execute latency, Tessera vs ipykernel (release build).
bench-latency: release venv
	$(PY) bench/kernel_latency.py --tessera $(CURDIR)/target/release/tessera

## Issue 11's figures at full size (interrupt latency, 100k hostile messages,
## 10k-execute soak, heartbeat, shutdown) → bench/RELIABILITY.md.
reliability: release venv
	$(PY) bench/reliability.py --tessera $(CURDIR)/target/release/tessera --md bench/RELIABILITY.md

## The cargo fuzz campaigns (nightly toolchain and `cargo install cargo-fuzz`):
## FUZZ_SECS seconds per target (default 1800), each growing a scratch copy of
## its corpus under fuzz/target/corpus; `cargo fuzz cmin` folds finds back in.
FUZZ_SECS ?= 1800
FUZZ_TARGETS := wire cell array_meta
fuzz:
	$(CARGO) +nightly fuzz build -s none --debug-assertions
	for t in $(FUZZ_TARGETS); do \
		mkdir -p fuzz/target/corpus/$$t fuzz/artifacts/$$t; cp -n fuzz/corpus/$$t/* fuzz/target/corpus/$$t/ 2>/dev/null; \
		(cd fuzz/target && ./x86_64-unknown-linux-gnu/release/$$t corpus/$$t \
			-max_total_time=$(FUZZ_SECS) -rss_limit_mb=4096 -timeout=20 -print_final_stats=1 \
			-artifact_prefix=$(CURDIR)/fuzz/artifacts/$$t/) || exit 1; \
	done

clean-venv:
	rm -rf $(VENV)
