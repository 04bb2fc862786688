"""Zarr arrays and HDF5 files cross between Tessera and zarr-python / h5py
both ways.

Tessera writes zarr v2 and v3 arrays (``da.to_zarr``, ``zarr.open`` + slice
assignment, ``da.store``) that zarr-python reads back exactly; zarr-python
writes arrays with its default codecs and with others users meet (Blosc, gzip,
sharding, fill values, partial edge chunks) that Tessera reads exactly; the
same for HDF5 datasets (every dtype, groups, chunks, gzip) with h5py, and for
Dask's ``.npy`` stacks (``to_npy_stack``/``from_npy_stack``) with Dask.
"""
import ast
import re
import subprocess
import textwrap

import numpy as np
import pytest
import zarr
import zarr.codecs

from conftest import BIN


def tessera(tmp_path, code):
    """Run `code` as a script through `tessera run` in tmp_path; its stdout lines."""
    script = tmp_path / "script.py"
    script.write_text(textwrap.dedent(code))
    out = subprocess.run(
        [str(BIN), "run", str(script)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    return out.stdout.splitlines()


DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16",
          "uint32", "uint64", "float32", "float64"]


def expected(dtype, shape=(37, 23)):
    x = (np.arange(np.prod(shape)).reshape(shape) % 97) - 40
    return (x > 0) if dtype == "bool" else x.astype(dtype)


@pytest.mark.parametrize("fmt", [2, 3])
def test_zarr_python_reads_what_tessera_writes(tmp_path, fmt):
    tessera(tmp_path, f"""
        import numpy as np
        import dask.array as da
        import zarr
        for name in {DTYPES!r}:
            x = (da.arange(37 * 23, chunks=100).reshape(37, 23) % 97) - 40
            x = x.rechunk((10, 7))
            x = (x > 0) if name == 'bool' else x.astype(name)
            x.to_zarr('lazy-' + name + '.zarr', zarr_format={fmt})
        z = zarr.open('assigned.zarr', mode='w', shape=(37, 23), chunks=(8, 8),
                      dtype='f8', fill_value=-1.5, zarr_format={fmt})
        z[3:20, 5:9] = np.arange(17 * 4).reshape(17, 4) / 4
        z[30, :] = 7
        t = zarr.open('stored.zarr', mode='w', shape=(37, 23), chunks=(5, 5),
                      dtype='i4', zarr_format={fmt})
        da.store(da.ones((37, 23), chunks=(6, 9), dtype='i4') * 3, t)
        print('done')
    """)
    for name in DTYPES:
        z = zarr.open(tmp_path / f"lazy-{name}.zarr", mode="r")
        assert z.metadata.zarr_format == fmt
        assert z.chunks == (10, 7)
        got = z[:]
        assert got.dtype == np.dtype(name), name
        np.testing.assert_array_equal(got, expected(name))
    z = zarr.open(tmp_path / "assigned.zarr", mode="r")
    want = np.full((37, 23), -1.5)
    want[3:20, 5:9] = np.arange(17 * 4).reshape(17, 4) / 4
    want[30, :] = 7
    np.testing.assert_array_equal(z[:], want)
    np.testing.assert_array_equal(zarr.open(tmp_path / "stored.zarr", mode="r")[:],
                                  np.full((37, 23), 3, dtype="i4"))
    # Every key was written through a rename: no temporary files remain.
    assert not [p for p in tmp_path.rglob("*") if ".tessera-tmp-" in p.name]


def test_tessera_reads_what_zarr_python_writes(tmp_path):
    cases = {}
    for name in DTYPES:
        z = zarr.create_array(tmp_path / f"v3-{name}.zarr", shape=(37, 23),
                              chunks=(10, 7), dtype=name)
        z[:] = expected(name)
        cases[f"v3-{name}.zarr"] = expected(name)
        z = zarr.create_array(tmp_path / f"v2-{name}.zarr", shape=(37, 23),
                              chunks=(10, 7), dtype=name, zarr_format=2)
        z[:] = expected(name)
        cases[f"v2-{name}.zarr"] = expected(name)
    # Codecs users meet: Blosc (zarr-python 2's default), gzip, sharding,
    # a fill value for never-written chunks.
    x = expected("float64")
    z = zarr.create_array(tmp_path / "blosc.zarr", shape=x.shape, chunks=(16, 16),
                          dtype="f8", compressors=zarr.codecs.BloscCodec(cname="lz4"))
    z[:] = x
    cases["blosc.zarr"] = x
    z = zarr.create_array(tmp_path / "gzip.zarr", shape=x.shape, chunks=(16, 16),
                          dtype="f8", compressors=zarr.codecs.GzipCodec(level=3))
    z[:] = x
    cases["gzip.zarr"] = x
    z = zarr.create_array(tmp_path / "sharded.zarr", shape=x.shape, chunks=(4, 4),
                          shards=(16, 16), dtype="f8")
    z[:] = x
    cases["sharded.zarr"] = x
    z = zarr.create_array(tmp_path / "fill.zarr", shape=(20, 20), chunks=(5, 5),
                          dtype="f8", fill_value=np.nan)
    z[:5, :5] = 1.0
    fill = np.full((20, 20), np.nan)
    fill[:5, :5] = 1.0
    cases["fill.zarr"] = fill
    names = sorted(cases)
    lines = tessera(tmp_path, f"""
        import numpy as np
        import dask.array as da
        import zarr
        for name in {names!r}:
            lazy = da.from_zarr(name)
            direct = zarr.open(name, mode='r')
            eager = np.array(direct)
            print(repr([name, str(lazy.dtype), list(lazy.shape),
                              [len(c) for c in lazy.chunks],
                              float(np.nansum(lazy.astype('f8')).compute()),
                              float(np.isnan(lazy.astype('f8')).sum().compute()),
                              eager[::5, ::4].astype('f8').tolist(),
                              direct[7, 3:9].astype('f8').tolist(),
                              lazy[3, 8:12].astype('f8').compute().tolist(),
                              float(lazy[12, 12].astype('f8').compute())]))
    """)
    # The dialect prints lists like CPython; NaN prints as `nan`.
    rows = [ast.literal_eval(re.sub(r"\bnan\b", "None", ln)) for ln in lines]
    got = {r[0]: r for r in rows}
    assert sorted(got) == names
    for name, want in cases.items():
        _, dtype, shape, nchunks, total, nans, sub, row, part, elem = got[name]
        assert dtype == str(want.dtype), name
        assert shape == list(want.shape), name
        w = want.astype("f8")
        assert total == pytest.approx(np.nansum(w)), name
        assert nans == np.isnan(w).sum(), name
        np.testing.assert_array_equal(np.array(sub, dtype="f8"), w[::5, ::4], err_msg=name)
        np.testing.assert_array_equal(np.array(row, dtype="f8"), w[7, 3:9], err_msg=name)
        # Small slices read only their box (a chunk's leading rows, streamed).
        np.testing.assert_array_equal(np.array(part, dtype="f8"), w[3, 8:12], err_msg=name)
        np.testing.assert_array_equal(np.array(elem if elem is not None else np.nan), w[12, 12],
                                      err_msg=name)
    # Sharded arrays read by shard (zarr's chunk grid is the shard grid).
    assert got["sharded.zarr"][3] == [3, 2]


def test_h5py_reads_what_tessera_writes(tmp_path):
    import h5py

    tessera(tmp_path, f"""
        import numpy as np
        import dask.array as da
        import h5py
        x = (da.arange(37 * 23, chunks=100).reshape(37, 23) % 97) - 40
        x = x.rechunk((10, 7))
        da.to_hdf5('lazy.h5', {{'/' + name: ((x > 0) if name == 'bool' else x.astype(name))
                                for name in {DTYPES!r}}})
        (x * 0.5).to_hdf5('method.h5', 'grp/half', compression='gzip')
        with h5py.File('made.h5', 'w') as f:
            d = f.create_dataset('d', shape=(37, 23), dtype='f8', chunks=(8, 8))
            d[:] = np.arange(37 * 23).reshape(37, 23) / 4
            d[30, :] = 7
            f.create_dataset('small/e', data=np.arange(6).reshape(2, 3))
        print('done')
    """)
    with h5py.File(tmp_path / "lazy.h5", "r") as f:
        assert sorted(f.keys()) == sorted(DTYPES)
        for name in DTYPES:
            got = f[name][:]
            assert got.dtype == np.dtype(name), name
            assert f[name].chunks == (10, 7)
            np.testing.assert_array_equal(got, expected(name))
    with h5py.File(tmp_path / "method.h5", "r") as f:
        assert f["grp/half"].compression == "gzip"
        np.testing.assert_array_equal(f["grp/half"][:], expected("int64") * 0.5)
    with h5py.File(tmp_path / "made.h5", "r") as f:
        want = np.arange(37 * 23).reshape(37, 23) / 4
        want[30, :] = 7
        np.testing.assert_array_equal(f["d"][:], want)
        np.testing.assert_array_equal(f["small/e"][:], np.arange(6).reshape(2, 3))
    # New files are written under a temporary name and renamed when complete.
    assert not [p for p in tmp_path.iterdir() if "tessera-tmp" in p.name]


def test_tessera_reads_what_h5py_writes(tmp_path):
    import h5py

    cases = {}
    with h5py.File(tmp_path / "in.h5", "w") as f:
        for name in DTYPES:
            f.create_dataset(name, data=expected(name))
            cases[name] = expected(name)
        x = expected("float64")
        f.create_dataset("deep/gz", data=x, chunks=(16, 16), compression="gzip")
        cases["deep/gz"] = x
        f.create_dataset("auto", data=x, chunks=True)
        cases["auto"] = x
    names = sorted(cases)
    lines = tessera(tmp_path, f"""
        import numpy as np
        import dask.array as da
        import h5py
        f = h5py.File('in.h5', 'r')
        for name in {names!r}:
            d = f[name]
            lazy = da.from_array(d, chunks=(10, 10))
            print(repr([name, str(d.dtype), list(d.shape),
                        float(lazy.astype('f8').sum().compute()),
                        np.array(d)[::5, ::4].astype('f8').tolist(),
                        d[7, 3:9].astype('f8').tolist()]))
    """)
    got = {r[0]: r for r in map(ast.literal_eval, lines)}
    assert sorted(got) == names
    for name, want in cases.items():
        _, dtype, shape, total, sub, row = got[name]
        assert dtype == str(want.dtype), name
        assert shape == list(want.shape), name
        w = want.astype("f8")
        assert total == pytest.approx(w.sum()), name
        np.testing.assert_array_equal(np.array(sub), w[::5, ::4], err_msg=name)
        np.testing.assert_array_equal(np.array(row), w[7, 3:9], err_msg=name)


@pytest.mark.parametrize("axis", [0, 1])
def test_npy_stacks_cross_between_tessera_and_dask(tmp_path, axis):
    import dask.array as da

    # Dask writes, Tessera reads (its pickled info holds a numpy.dtype object).
    for name in DTYPES:
        x = da.from_array(expected(name), chunks=(10, 7))
        da.to_npy_stack(str(tmp_path / f"dask-{name}"), x, axis=axis)
    lines = tessera(tmp_path, f"""
        import numpy as np
        import dask.array as da
        for name in {DTYPES!r}:
            y = da.from_npy_stack('dask-' + name)
            print(repr([name, str(y.dtype), [list(c) for c in y.chunks],
                        y.compute()[::5, ::4].astype('f8').tolist()]))
        for name in {DTYPES!r}:
            x = (da.arange(37 * 23, chunks=100).reshape(37, 23) % 97) - 40
            x = x.rechunk((10, 7))
            x = (x > 0) if name == 'bool' else x.astype(name)
            da.to_npy_stack('tessera-' + name, x, axis={axis})
    """)
    got = {r[0]: r for r in map(ast.literal_eval, lines)}
    assert sorted(got) == sorted(DTYPES)
    for name in DTYPES:
        want = da.from_array(expected(name), chunks=(10, 7))
        want_chunks = [list(c) if i == axis else [sum(c)] for i, c in enumerate(want.chunks)]
        _, dtype, chunks, sub = got[name]
        assert (dtype, chunks) == (name, want_chunks), name
        np.testing.assert_array_equal(np.array(sub), expected(name)[::5, ::4].astype("f8"))
        # Tessera writes, Dask reads.
        y = da.from_npy_stack(str(tmp_path / f"tessera-{name}"))
        assert y.dtype == np.dtype(name), name
        assert [list(c) for c in y.chunks] == want_chunks, name
        np.testing.assert_array_equal(y.compute(), expected(name), err_msg=name)
        assert not [p for p in (tmp_path / f"tessera-{name}").iterdir() if "tmp" in p.name]


def test_bad_storage_input_raises_clear_errors_and_the_session_goes_on(tmp_path):
    cases = [
        ("zarr.open('a.zarr', mode='w', shape=(4,), compressor='blosc')",
         "NotImplementedError: open(): compressor= is not supported"),
        ("zarr.open('a.zarr', mode='w')", "TypeError: open() needs shape="),
        ("zarr.open('nothing.zarr', mode='r')", "FileNotFoundError"),
        ("zarr.zeros((10**12, 10**12), chunks=(10, 10))[:]", "ValueError: these chunks would split"),
        ("da.to_zarr(x, 'b.zarr', region=(slice(0, 2),))", "NotImplementedError: to_zarr(): region="),
        ("da.store(x, zarr.zeros((3, 3)))", "ValueError: cannot store an array of shape (4, 4)"),
        ("da.store(x, np.ones((4, 4)))", "TypeError: store() writes into zarr arrays"),
        ("h5py.File('none.h5', 'r')", "FileNotFoundError"),
        ("h5py.File('h.h5', 'w').create_dataset('a', shape=(2,), maxshape=(None,))",
         "NotImplementedError: create_dataset(): maxshape="),
        ("da.map_blocks(lambda b: b[:1], x).compute()", "ValueError: map_blocks: block"),
    ]
    body = "\n".join(
        f"try:\n    {c}\n    print('no error')\nexcept Exception as e:\n    print(type(e).__name__ + ': ' + str(e))"
        for c, _ in cases)
    lines = tessera(tmp_path, "import numpy as np\nimport dask.array as da\nimport zarr\nimport h5py\n"
                    "x = da.ones((4, 4), chunks=2)\n" + body + "\nprint(x.sum().compute())\n")
    assert len(lines) == len(cases) + 1, lines
    for (code, want), got in zip(cases, lines):
        assert got.startswith(want), (code, got)
    assert lines[-1] == "16.0"


PROGRESS = re.compile(r"(\d+)% Completed")


def _run_and_interrupt(tmp_path, setup, cell, at_percent=10):
    """Run `cell` in a live kernel (cwd tmp_path) and interrupt it once its
    progress bar shows `at_percent` % of the tasks done (so some blocks are
    written and the rest still to come, on a fast or a slow machine); the
    execute_reply's content."""
    import time
    from jupyter_client.manager import start_new_kernel

    km, kc = start_new_kernel(kernel_name="tessera", startup_timeout=30, cwd=str(tmp_path))
    try:
        kc.execute_interactive(setup, timeout=120)
        msg_id = kc.execute(cell)
        deadline = time.time() + 60
        while time.time() < deadline:
            msg = kc.get_iopub_msg(timeout=60)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            text = msg["content"].get("data", {}).get("text/plain", "")
            m = PROGRESS.search(text)
            if m and int(m.group(1)) >= at_percent:
                break
        else:
            raise AssertionError("the write never reported progress")
        km.interrupt_kernel()
        deadline = time.time() + 30
        while time.time() < deadline:
            reply = kc.get_shell_msg(timeout=30)
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        content = reply["content"]
        # The session goes on after the interrupt.
        check = kc.execute_interactive("ok_after = 1 + 1", timeout=30)
        assert check["content"]["status"] == "ok"
        return content
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


# Each block's task sleeps 2 ms, so the write takes at least 4 s of task time
# (2 s on two threads) on any machine, and the interrupt (at 10 % progress)
# lands mid-write: a fast runner once finished 4000 plain blocks before a
# fixed 0.6 s timer fired.
SETUP_4000_BLOCKS = (
    "import dask.array as da\n"
    "import time\n"
    "def slow_block(b):\n"
    "    time.sleep(0.002)\n"
    "    return b\n"
    "x = (da.arange(400 * 1000, chunks=100).reshape(400, 1000) % 251).astype('i4')\n"
    "x = x.rechunk((10, 10)).map_blocks(slow_block, dtype='i4')"
)


def _whole_blocks(got):
    """How many 10x10 blocks of the interrupted write's target hold the written
    values; every other block must still be all zeros (never partly written)."""
    want = (np.arange(400 * 1000).reshape(400, 1000) % 251).astype("i4")
    whole = 0
    for i in range(40):
        for j in range(100):
            block = got[i * 10:(i + 1) * 10, j * 10:(j + 1) * 10]
            if np.array_equal(block, want[i * 10:(i + 1) * 10, j * 10:(j + 1) * 10]):
                whole += 1
            else:
                assert not block.any(), f"block {(i, j)} is neither written nor zeros"
    return whole


WRITTEN = re.compile(r"after (\d+) of (\d+) blocks of (\S+) were written")


def _blocks_written(content):
    """The interrupted write's reply: a KeyboardInterrupt saying how many of the
    4000 blocks were written (some, not all)."""
    assert content["status"] == "error" and content["ename"] == "KeyboardInterrupt", content
    m = WRITTEN.search(content["evalue"])
    assert m, content["evalue"]
    written, total = int(m.group(1)), int(m.group(2))
    assert total == 4000 and 0 < written < total, (written, total)
    return written


@pytest.mark.parametrize("fmt", [2, 3])
def test_an_interrupted_to_zarr_leaves_whole_chunks_and_says_how_far_it_got(tmp_path, fmt):
    # 4000 small chunks, each at least 2 ms: seconds of writing on any build.
    content = _run_and_interrupt(
        tmp_path, SETUP_4000_BLOCKS,
        f"x.to_zarr('cut.zarr', zarr_format={fmt})",
    )
    written = _blocks_written(content)
    z = zarr.open_array(str(tmp_path / "cut.zarr"), mode="r")
    # Every chunk file present must decode (none is torn); blocks that happen to
    # be all fill value are counted whole either way.
    assert _whole_blocks(z[...]) >= written
    # No temporary files left behind.
    leftovers = [p for p in (tmp_path / "cut.zarr").rglob("*") if "tessera-tmp" in p.name]
    assert not leftovers, leftovers[:5]


def test_an_interrupted_to_hdf5_of_a_new_file_leaves_no_file(tmp_path):
    content = _run_and_interrupt(tmp_path, SETUP_4000_BLOCKS,
                                 "da.to_hdf5('cut.h5', '/x', x, chunks=(10, 10))")
    _blocks_written(content)
    assert "Nothing of it was kept" in content["evalue"], content["evalue"]
    # A new file appears only when complete; its temporary is removed.
    assert sorted(p.name for p in tmp_path.iterdir()) == [], list(tmp_path.iterdir())


def test_an_interrupted_to_hdf5_into_an_existing_dataset_keeps_whole_blocks(tmp_path):
    import h5py

    content = _run_and_interrupt(
        tmp_path,
        SETUP_4000_BLOCKS + "\nda.to_hdf5('cut.h5', '/x', da.zeros((400, 1000), chunks=(100, 1000), dtype='i4'))",
        "da.to_hdf5('cut.h5', '/x', x)",
    )
    written = _blocks_written(content)
    assert "blocks not reached keep their previous contents" in content["evalue"]
    with h5py.File(tmp_path / "cut.h5", "r") as f:
        assert _whole_blocks(f["/x"][...]) >= written
