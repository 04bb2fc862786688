"""Every tutorial notebook in notebooks/ runs top to bottom through nbclient (the
Jupyter client library behind `jupyter execute` and nbconvert) on the Tessera
kernel, with notebooks/ as its working directory, as JupyterLab runs it.

No cell may produce an error, except cells tagged `raises-exception` (nbclient
lets those through). Then the outputs that carry each notebook's lesson are
checked: values, shapes, the array picture (HTML with an inline `<svg`), task
graphs and figures as `image/svg+xml`. Saved outputs are compared separately,
by tests/notebooks.rs; this suite checks what a Jupyter client receives.
"""
import pathlib
import time

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
# Each notebook should take well under a minute with the debug binary; this
# generous ceiling only catches a notebook that has become far slower.
BUDGET_S = 120


def source(cell):
    return cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])


def tags(cell):
    return cell.get("metadata", {}).get("tags", [])


def joined(v):
    return v if isinstance(v, str) else "".join(v)


class Ran:
    """An executed notebook, with lookups by a snippet of a cell's source."""

    def __init__(self, nb):
        self.nb = nb
        self.code = [c for c in nb.cells if c.cell_type == "code"]

    def cell(self, snippet):
        found = [c for c in self.code if snippet in source(c)]
        assert found, f"no code cell contains {snippet!r}"
        return found[0]

    def cells(self, snippet):
        return [c for c in self.code if snippet in source(c)]

    @staticmethod
    def results(cell, mime="text/plain"):
        """The given MIME type of every execute_result and display_data output
        (live progress bars left out)."""
        out = []
        for o in cell.get("outputs", []):
            if o["output_type"] in ("execute_result", "display_data"):
                data = o.get("data", {})
                if "tessera-progress" in joined(data.get("text/html", "")):
                    continue
                if mime in data:
                    out.append(joined(data[mime]))
        return out

    def result(self, snippet):
        """text/plain of the cell's execute_result."""
        cell = self.cell(snippet)
        res = [joined(o["data"]["text/plain"]) for o in cell.outputs
               if o["output_type"] == "execute_result"]
        assert res, f"cell {snippet!r} has no result: {cell.outputs}"
        return res[-1]

    def stdout(self, snippet):
        cell = self.cell(snippet)
        return "".join(joined(o["text"]) for o in cell.outputs
                       if o["output_type"] == "stream" and o["name"] == "stdout")

    def mimes(self, snippet):
        cell = self.cell(snippet)
        return {m for o in cell.outputs if o["output_type"] in ("execute_result", "display_data")
                for m in o.get("data", {})}

    def html(self, snippet):
        return "".join(self.results(self.cell(snippet), "text/html"))

    def errors(self):
        return [(source(c)[:60], o.get("ename"), o.get("evalue"))
                for c in self.code if "raises-exception" not in tags(c)
                for o in c.get("outputs", []) if o["output_type"] == "error"]


def run(path):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb, kernel_name="tessera", timeout=180, startup_timeout=60,
        resources={"metadata": {"path": str(NOTEBOOKS)}})
    start = time.monotonic()
    client.execute()
    return Ran(nb), time.monotonic() - start


# ---- what each notebook must show ----------------------------------------------

def check_00(r):
    assert r.result("x * 10") == "30"
    assert r.stdout('print("hello, world")') == "hello, world\n"
    assert r.result("[fib(i) for i in range(12)]") == "[0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89]"
    assert "fib" in r.stdout("%who")
    err = [o for o in r.cell("risky(0)").outputs if o["output_type"] == "error"]
    assert err and err[0]["ename"] == "ZeroDivisionError"
    assert r.result("x, total") == "(3, 19999900000)"


def check_01(r):
    assert "image/svg+xml" in r.mimes("z.visualize(")
    assert r.result("compute(total, results[0], results[-1])") == "(204, 1, 64)"
    assert r.result("p[1].compute()") == "9"
    assert r.result("%%time\ncompute(*parts)") == "(5999995, 5999995, 5999995, 5999995)"
    err = [o for o in r.cell("risky(0).compute()").outputs if o["output_type"] == "error"]
    assert err and err[0]["ename"] == "ZeroDivisionError"


def check_02(r):
    assert "<svg" in r.html("x = da.ones((15, 20), chunks=(5, 10))")
    assert r.result("x.chunks, x.numblocks") == "(((5, 5, 5), (10, 10)), (3, 2), 6)"
    assert r.result("da.random.random((5000, 5000)).chunks") == "((4096, 904), (4096, 904))"
    assert "<svg" in r.html("result = big.mean(axis=0)[::100]")
    assert r.result("r = result.compute()") == "((40,), 10.0)"
    assert r.result("y.sum().compute()") == "300.0"
    assert "image/svg+xml" in r.mimes("x.sum().visualize()")
    assert r.result("abs(m) < 1e-9") == "True"


def check_03(r):
    assert "data/random.npy: 10,000,000 float64 values" in r.stdout("%run prep.py -d random")
    assert (NOTEBOOKS / "data" / "random.npy").exists()
    assert r.result("dset.shape, dset.dtype") == "((10000000,), dtype('float64'), 80000000)"
    n, total = r.result("total = sum(sums)").strip("()").split(", ")
    assert n == "10" and abs(float(total) - 5e6) < 5e3
    mean, count = r.result("lengths.append(len(chunk))").strip("()").split(", ")
    assert abs(float(mean) - 0.5) < 1e-3 and count == "10000000"
    assert "<svg" in r.html("x = da.from_array(dset, chunks=(block,))")
    assert r.result("result = x.sum()").startswith("dask.array<sum-aggregate, shape=()")
    assert "image/svg+xml" in r.mimes("result.visualize(")
    assert r.result("lazy_total = result.compute()").endswith(", True)")
    mean, std, lo, hi = map(float, r.result("dask.compute(x.mean(), x.std()").strip("()").split(", "))
    assert abs(std - 12 ** -0.5) < 1e-3 and 0 <= lo < hi <= 1
    assert abs(float(r.result("spread = da.sqrt(")) - 12 ** -0.5) < 1e-3
    assert r.result("x.nbytes / 1e9") == "(0.128, (4, 4), (40,))"
    assert r.result("r.shape, round(float(r.mean()), 2)") == "((40,), 10.0)"
    assert r.result("xn.nbytes / 1e6") == "(128.0, 8.0)"
    assert "image/svg+xml" in r.mimes("%%chunksweep")


def check_04(r):
    assert r.stdout("print(total.compute(scheduler='sync'))").count("395961724") == 3
    assert "<svg" in r.html("x = data(50)")
    assert r.stdout("print(chunked_sum(200)") == "395961724 395961724 395961724\n"
    assert "image/svg+xml" in r.mimes("%%chunksweep")
    assert "image/svg+xml" in r.mimes("prof.visualize()")
    assert "Tessera computes locally" in r.stdout("Client('tcp://10.0.0.5:8786')")


def check_05(r):
    assert r.result("im_zarr[:, :] = np.random.randint") == \
        "<Array file://data/large_example_image.zarr shape=(2000, 2000) dtype=int32>"
    assert r.result("im_zarr.shape, im_zarr.chunks") == "((2000, 2000), (500, 500), dtype('int32'), 16)"
    assert r.result("(im_da * 2).compute()[:2, :5]").endswith("True)")
    assert "<svg" in r.html("im_da = da.from_zarr(im_zarr)")
    assert r.result("visualize(optimize_graph=True)") == "<task graph: 1 operation, 1 data node>"
    assert r.result("bool(np.allclose(back.compute()") == "True"
    assert "refused: An array exists" in r.stdout("smooth.to_zarr(os.path.join('data', 'smooth.zarr'))\nexcept")
    assert "irregular chunking" in r.stdout("ragged.to_zarr(")
    assert r.result("mean_z[:5], anom_z[0, :5]").startswith("(array([49.142 , 49.5485,")
    assert r.result("sorted(os.listdir(os.path.join('data', 'corner-v2.zarr')))") == \
        "['.zarray', '.zattrs', '0.0', '0.1']"
    assert r.result("if 'tmp' in f]") == "[]"
    assert r.result("(lazy_mm == im_da).all().compute()") == "(True, True)"
    assert r.result("dset, dset.chunks") .startswith('(<HDF5 dataset "raw": shape (2000, 2000), type "<i4">, (500, 500)')
    assert r.result("im_h5 = da.from_array(dset") == "True"
    assert "['anomaly', 'smooth'] (2000, 2000) (500, 500)" in r.stdout("da.to_hdf5(")


def check_06(r):
    assert r.result("b = db.from_sequence(range(1, 11), npartitions=3)") == \
        "dask.bag<from_sequence, npartitions=3>"
    assert r.result("b.take(3)") == "(1, 2, 3)"
    assert r.result("even_squares.compute()") == "[4, 16, 36, 64, 100]"
    assert r.result("dask.compute(b.sum(), b.count(), b.mean(), b.std())").startswith("(55, 10, 5.5, 2.87")
    assert r.result("sums = random_numbers.map(sum)") == "dask.bag<sum, npartitions=100>"
    assert r.result("len(totals), 4800 < min(totals)") == "(100, True)"
    assert r.result("numbers.map(collatz_steps).max().compute()") == "307"
    assert r.stdout("%run prep.py -d sightings") == "data/sightings: 30 files, 12,000 records\n"
    assert len(r.stdout("with open(filenames[0]) as f:").splitlines()) == 3
    assert r.result("lines = db.from_sequence(filenames") == "dask.bag<flatten, npartitions=30>"
    assert r.result("records.take(2)").startswith("({'day': 1, 'site': ")
    assert r.result("frequencies(sort=True)").startswith("[('crane', ")
    assert r.result("distinct()") == "['Falsterbo', 'Hornborga', 'Kvismaren', 'Ottenby', 'Tåkern']"
    assert "'species': 'crane'" in r.result("records.topk(3")
    # groupby and foldby reach the same totals.
    assert r.result("sorted(totals_g.compute())") == r.result("sorted(totals_f.compute())")
    assert "image/svg+xml" in r.mimes("few.foldby('species', add_count, 0, add, 0).visualize(")
    assert "image/svg+xml" in r.mimes("plt.plot(days, at_lake")
    assert r.result("dask.compute(*daily[:3])").startswith("(30, ((")


def check_07(r):
    table = r.stdout("def to_rain_rate(x):")
    assert "x =  75     0.0 dBZ     0.029 mm/h" in table
    assert "x = 255" in table and "nan" in table
    assert r.result("len(images), len(images.storms)").startswith("(24, ")
    assert "image/svg+xml" in r.mimes("plt.title('3 Nov, 12:00 (mm/h)')")
    assert "<svg" in r.html("data_array = da.stack(slices, axis=0)")
    assert "shape=(720, 177, 94), dtype=float32" in r.result("data_array = da.stack(slices, axis=0)")
    assert r.result("rr_min, rr_max, rr_mean, rr_std = compute(*statistics)") == \
        "((177, 94), dtype('float32'))"
    lo, hi, mean, std = map(float, r.result("for s in (rr_min, rr_max, rr_mean, rr_std)").strip("[]").split(", "))
    assert lo <= mean <= hi and std > 0
    assert "image/svg+xml" in r.mimes("plt.title('November mean rain rate (mm/h)')")
    assert "image/svg+xml" in r.mimes("fig, axes = plt.subplots(1, 4")
    assert "shape=(240, 89, 47)" in r.result("frames = da.nanmean(")
    assert "image/svg+xml" in r.mimes("day3 = frames[16:24].compute()")


def check_08(r):
    assert r.result("len(dsets), dsets[0].shape") == "(8, (200, 400))"
    assert "<svg" in r.html("x = da.stack(arrays, axis=0)")
    for snippet in ["plt.imshow(dsets[0]", "plt.imshow(result", "plt.imshow(anomaly"]:
        assert "image/svg+xml" in r.mimes(snippet)
    assert r.result("small.to_zarr(") == "((8, 100, 200), (1, 50, 50), True)"
    assert '<HDF5 dataset "t2m": shape (8, 100, 200)' in r.stdout("da.to_hdf5(")
    assert r.result("e_lazy = e.compute()").endswith(", True)")


CHECKS = {"00": check_00, "01": check_01, "02": check_02, "03": check_03, "04": check_04,
          "05": check_05, "06": check_06, "07": check_07, "08": check_08}


def generic_checks(r):
    """What every notebook must satisfy, whatever it teaches."""
    assert r.errors() == []
    for c in r.code:
        src = source(c)
        # A lazy array shown as a cell's result comes with its chunk picture.
        for res in Ran.results(c):
            # (Dask draws no picture for 0-d arrays, and neither does Tessera.)
            if res.startswith("dask.array<") and "shape=()" not in res:
                html = "".join(Ran.results(c, "text/html"))
                assert "<svg" in html, f"array repr without a picture in {src[:60]!r}"
        if ".visualize(" in src and "raises-exception" not in tags(c):
            assert any("image/svg+xml" in o.get("data", {}) for o in c.outputs
                       if o["output_type"] in ("execute_result", "display_data")), src[:60]


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.stem)
def test_notebook_runs_in_jupyter(path):
    ran, seconds = run(path)
    print(f"{path.name}: {seconds:.1f} s")
    generic_checks(ran)
    check = CHECKS.get(path.name[:2])
    assert check, f"{path.name} has no checks in tests/e2e/test_notebooks.py: add them to CHECKS"
    check(ran)
    assert seconds < BUDGET_S, f"{path.name} took {seconds:.0f} s"
