"""Side-by-side benchmark: every workload of bench/workloads.py on Tessera and
on Dask/NumPy (ipykernel), in the same run, alternating, each in a fresh kernel
process, through the same Jupyter protocol path.

    python bench/run.py --tessera target/release/tessera [--quick] [--only REGEX]

Per workload and engine: wall time of each timed run (execute → reply), CPU time
of the kernel process over the timed runs (all threads), peak RSS (VmHWM), and
the error if the engine cannot run it. Writes bench/RESULTS.md (or --out), a
JSON of the raw figures beside it, and bench/chunk-curve.svg (the W2 sweep).
"""
import argparse
import json
import os
import pathlib
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time

import psutil
from jupyter_client.manager import KernelManager

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from workloads import PREPARE, WORKLOADS  # noqa: E402
import plot  # noqa: E402

# Quick mode: small sizes, one timed run, a subset that touches every group the
# engines can share. Each entry lists (old, new) text substitutions.
QUICK = {
    "w01_dask_normal_mean": [("20000, 20000", "2000, 2000"), ("1000, 1000", "500, 500")],
    "w01_numpy_normal_mean": [("20000, 20000", "2000, 2000")],
    "w02_randint_sum_c100": [("[500] * 3", "[100] * 3"), ("chunks=100", "chunks=25")],
    "w02_randint_sum_c50": [("[500] * 3", "[100] * 3"), ("chunks=50", "chunks=10")],
    "w03_ones_sum_n1000_sync": [],
    "w03_ones_sum_n1000_threads": [],
    "w06_delayed_inc_add": [("time.sleep(1)", "time.sleep(0.05)")],
    "w10_build": [],
    "w13_fib25": [("fib(25)", "fib(15)")],
    "w13_dict_update": [("counts(1000000)", "counts(10000)")],
}
PYTHON_KERNEL = "python3"


def unset_blas_env():
    env = dict(os.environ)
    env.pop("OPENBLAS_CORETYPE", None)
    env.pop("OPENBLAS_L2_SIZE", None)
    return env


class Engine:
    """A fresh kernel for one workload."""

    def __init__(self, kernel_name, env):
        self.km = KernelManager(kernel_name=kernel_name)
        quiet = {"stderr": subprocess.DEVNULL} if kernel_name == PYTHON_KERNEL else {}
        self.km.start_kernel(cwd=str(HERE), env=env, **quiet)
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=60)
        self.proc = psutil.Process(self.km.provisioner.process.pid)

    def run(self, code, timeout):
        """Execute; return (wall seconds, error or None)."""
        t0 = time.perf_counter()
        msg_id = self.kc.execute(code, store_history=False)
        deadline = time.time() + timeout
        while True:
            left = deadline - time.time()
            if left <= 0:
                self.km.interrupt_kernel()
                return time.perf_counter() - t0, f"timeout after {timeout}s"
            try:
                reply = self.kc.get_shell_msg(timeout=left)
            except Exception:
                continue
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        wall = time.perf_counter() - t0
        c = reply["content"]
        if c["status"] != "ok":
            return wall, f"{c.get('ename', '?')}: {c.get('evalue', '')}"[:200]
        return wall, None

    def cpu(self):
        t = self.proc.cpu_times()
        return t.user + t.system

    def peak_rss(self):
        try:
            for line in pathlib.Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
        except OSError:
            pass
        return None

    def close(self):
        try:
            self.kc.stop_channels()
            self.km.shutdown_kernel(now=True)
        except Exception:
            pass


def measure(kernel, env, w, quick, timeout):
    subs = QUICK.get(w["key"], []) if quick else []
    text = lambda s: _apply(s, subs)  # noqa: E731
    repeat = 1 if quick else w.get("repeat", 3)
    if not quick and kernel != PYTHON_KERNEL:
        repeat = w.get("repeat_tessera", repeat)
    eng = Engine(kernel, env)
    try:
        _, err = eng.run(text(w.get("setup", "")), timeout)
        if err:
            return {"error": "setup: " + err}
        walls = []
        cpu0 = eng.cpu()
        for _ in range(repeat):
            wall, err = eng.run(text(w["stmt"]), timeout)
            if err:
                return {"error": err}
            walls.append(wall)
        cpu = eng.cpu() - cpu0
        return {"walls": walls, "cpu": cpu, "peak_rss": eng.peak_rss()}
    finally:
        eng.close()


def _apply(s, subs):
    for old, new in subs:
        s = s.replace(old, new)
    return s


def summarize(r):
    if "walls" not in r:
        return r
    walls = r["walls"]
    warm = walls[1:] or walls
    r.update(median=statistics.median(warm), min=min(walls), max=max(walls), first=walls[0],
             cpu_per_wall=r["cpu"] / max(sum(walls), 1e-9))
    return r


def fmt_t(s):
    if s is None:
        return "–"
    if s >= 1:
        return f"{s:.2f} s"
    if s >= 1e-3:
        return f"{s * 1e3:.1f} ms"
    return f"{s * 1e6:.0f} µs"


def fmt_b(b):
    if not b:
        return "–"
    return f"{b / 2**30:.2f} GiB" if b >= 2**30 else f"{b / 2**20:.0f} MB"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tessera", required=True, help="path to the tessera binary")
    ap.add_argument("--quick", action="store_true", help="tiny sizes, one run (CI)")
    ap.add_argument("--only", help="regex on workload names")
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--out", default=str(HERE / "RESULTS.md"))
    a = ap.parse_args()

    prefix = tempfile.mkdtemp(prefix="tessera-bench-")
    subprocess.run([a.tessera, "install", "--prefix", prefix], check=True, capture_output=True)
    env_py = unset_blas_env()
    env_py["JUPYTER_PATH"] = str(pathlib.Path(prefix) / "share" / "jupyter")
    os.environ["JUPYTER_PATH"] = env_py["JUPYTER_PATH"]
    env_t = dict(os.environ)

    names = [k for k in WORKLOADS if (not a.quick or k in QUICK)]
    if a.only:
        names = [k for k in names if re.search(a.only, k)]
    (HERE / "data").mkdir(exist_ok=True)
    results = []
    for i, key in enumerate(names):
        w = dict(WORKLOADS[key], key=key)
        if w.get("prepare"):
            eng = Engine(PYTHON_KERNEL, env_py)
            eng.run(PREPARE[w["prepare"]], 3600)
            eng.close()
        engines = [("python", PYTHON_KERNEL, env_py)]
        if not w.get("dask_internal"):
            engines.append(("tessera", "tessera", env_t))
        if i % 2:
            engines.reverse()
        row = {"key": key, "group": w["group"], "what": w["what"], "lib": w["lib"]}
        for label, kernel, env in engines:
            row[label] = summarize(measure(kernel, env, w, a.quick, a.timeout))
            status = row[label].get("error") or fmt_t(row[label].get("median"))
            print(f"{key:<34} {label:<8} {status}", flush=True)
        results.append(row)

    out = pathlib.Path(a.out)
    out.with_suffix(".json").write_text(json.dumps(results, indent=1))
    write_markdown(out, results, a.quick)
    # Beside the results file: CI's quick run (--out under target/) must not
    # rewrite a tracked file.
    plot.chunk_curve(results, out.with_name("chunk-curve-quick.svg" if a.quick else "chunk-curve.svg"))
    ok_python = sum(1 for r in results if "median" in r.get("python", {}))
    if ok_python == 0:
        sys.exit("the Python side ran no workload: the harness is broken")


def write_markdown(out, results, quick):
    mem = psutil.virtual_memory().total / 2**30
    lines = [
        "# Tessera vs Dask/NumPy" + (" (quick mode: tiny sizes, 1 run)" if quick else ""),
        "",
        f"Machine: {os.cpu_count()} cores, {mem:.1f} GiB RAM, {platform.platform()}, "
        f"Python {platform.python_version()}; generated by `bench/run.py` "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}. Each engine runs the same cell "
        "text in a fresh kernel; wall = execute → reply; warm = median of runs after the first "
        "(a row run once shows that single cold run; where only Dask's side runs once, "
        "Tessera's cold first run is given after its warm figure).",
        "",
        "| workload | what | lib | Tessera warm (min–max) | Python warm (min–max) | ratio Py/Tessera "
        "| CPU/wall T / Py | peak RSS T / Py |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        t, p = r.get("tessera", {}), r.get("python", {})

        def cell(x):
            if "error" in x:
                return "error: " + x["error"].replace("|", "/")[:80]
            if "median" not in x:
                return "–"
            s = f"{fmt_t(x['median'])} ({fmt_t(x['min'])}–{fmt_t(x['max'])})"
            if len(x.get("walls", [])) > 1 and len(other(x).get("walls", [])) == 1:
                # The other engine ran once (cold): show this one's cold run too.
                s += f"; cold {fmt_t(x['first'])}"
            return s

        def other(x):
            return p if x is t else t

        ratio = (f"{p['median'] / t['median']:.2f}×" if "median" in t and "median" in p else "–")
        cpu = f"{t.get('cpu_per_wall', 0):.2f} / {p.get('cpu_per_wall', 0):.2f}"
        rss = f"{fmt_b(t.get('peak_rss'))} / {fmt_b(p.get('peak_rss'))}"
        lines.append(f"| {r['key']} | {r['what']} | {r['lib']} | {cell(t)} | {cell(p)} | {ratio} | {cpu} | {rss} |")
    out.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
