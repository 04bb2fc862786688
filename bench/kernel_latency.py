"""Kernel latency, Tessera vs ipykernel, in one run on this machine.

start → ready: from launching the kernel process to its first kernel_info_reply
(the client asks every 20 ms until one arrives); also reported: jupyter_client's
wait_for_ready, which adds its own 0.2 s IOPub-silence wait for every kernel.
execute → idle: from sending `1+1` to receiving its `status: idle`, over N cells.

Usage: python bench/kernel_latency.py --tessera target/release/tessera [--cells 200] [--starts 5]
"""
import argparse
import json
import os
import pathlib
import platform
import statistics
import subprocess
import tempfile
import time

from jupyter_client.manager import KernelManager


def pct(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def first_reply(kc, t0, timeout=60):
    """Seconds from t0 until the kernel answers a kernel_info_request."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        kc.kernel_info()
        try:
            msg = kc.get_shell_msg(timeout=0.02)
        except Exception:
            continue
        if msg["msg_type"] == "kernel_info_reply":
            return time.perf_counter() - t0
    raise RuntimeError("no kernel_info_reply")


def measure(name, cells, starts):
    start_times, ready_times = [], []
    for _ in range(starts):
        km = KernelManager(kernel_name=name)
        t0 = time.perf_counter()
        km.start_kernel()
        kc = km.client()
        kc.start_channels()
        start_times.append(first_reply(kc, t0))
        kc.stop_channels()
        km.shutdown_kernel(now=True)
        km = KernelManager(kernel_name=name)
        t0 = time.perf_counter()
        km.start_kernel()
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=60)
        ready_times.append(time.perf_counter() - t0)
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    km = KernelManager(kernel_name=name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    lat = []
    for _ in range(cells):
        t0 = time.perf_counter()
        mid = kc.execute("1+1")
        while True:
            m = kc.get_iopub_msg(timeout=10)
            if (m["parent_header"].get("msg_id") == mid and m["msg_type"] == "status"
                    and m["content"]["execution_state"] == "idle"):
                break
        lat.append(time.perf_counter() - t0)
        kc.get_shell_msg(timeout=10)
    kc.stop_channels()
    km.shutdown_kernel(now=True)
    return {
        "start_median_s": statistics.median(start_times),
        "wait_for_ready_median_s": statistics.median(ready_times),
        "exec_p50_ms": pct(lat, 50) * 1e3,
        "exec_p95_ms": pct(lat, 95) * 1e3,
    }


def magic_outputs(name):
    """W12: run the timing-magic cells of workloads.KERNEL_CELLS, return each cell's text."""
    import sys
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
    from workloads import KERNEL_CELLS
    km = KernelManager(kernel_name=name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    out = {}
    try:
        for cell in ("timeit_setup", "timeit_line", "timeit_cell", "timeit_auto", "time_line", "time_cell"):
            texts = []
            mid = kc.execute(KERNEL_CELLS[cell])
            while True:
                m = kc.get_iopub_msg(timeout=120)
                if m["parent_header"].get("msg_id") != mid:
                    continue
                c = m["content"]
                if m["msg_type"] == "stream":
                    texts.append(c["text"])
                elif m["msg_type"] == "execute_result":
                    texts.append(c["data"].get("text/plain", "") + "\n")
                elif m["msg_type"] == "error":
                    texts.append(f"{c['ename']}: {c['evalue']}\n")
                elif m["msg_type"] == "status" and c["execution_state"] == "idle":
                    break
            out[cell] = (KERNEL_CELLS[cell], "".join(texts))
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tessera", required=True)
    ap.add_argument("--cells", type=int, default=200)
    ap.add_argument("--starts", type=int, default=5)
    ap.add_argument("--json", help="also write results here")
    ap.add_argument("--md", help="append a Markdown section to this file")
    a = ap.parse_args()
    prefix = tempfile.mkdtemp(prefix="tessera-bench-")
    subprocess.run([a.tessera, "install", "--prefix", prefix], check=True, capture_output=True)
    os.environ["JUPYTER_PATH"] = str(pathlib.Path(prefix) / "share" / "jupyter")
    res = {"tessera": measure("tessera", a.cells, a.starts),
           "ipykernel": measure("python3", a.cells, a.starts)}
    t, p = res["tessera"], res["ipykernel"]
    print(f"machine: {os.cpu_count()} cores, {platform.python_implementation()} {platform.python_version()}")
    print(f"{'kernel':<10} {'start→kernel_info_reply':>24} {'wait_for_ready':>15} {'exec→idle p50':>14} {'p95':>9}")
    for k, r in res.items():
        print(f"{k:<10} {r['start_median_s']*1e3:>22.1f}ms {r['wait_for_ready_median_s']*1e3:>13.1f}ms "
              f"{r['exec_p50_ms']:>12.2f}ms {r['exec_p95_ms']:>7.2f}ms")
    print(f"ratio ipykernel/tessera: start {p['start_median_s']/t['start_median_s']:.1f}x, "
          f"exec p50 {p['exec_p50_ms']/t['exec_p50_ms']:.1f}x")
    if a.json:
        pathlib.Path(a.json).write_text(json.dumps(res, indent=1))
    if a.md:
        lines = ["", "## Kernel latency (W11)", "",
                 f"{a.starts} starts each; {a.cells} trivial cells (`1+1`) on one kernel.", "",
                 "| kernel | start → first kernel_info_reply | wait_for_ready (incl. client's 0.2 s IOPub wait) | execute → idle p50 | p95 |",
                 "|---|---|---|---|---|"]
        for k, r in res.items():
            lines.append(f"| {k} | {r['start_median_s']*1e3:.1f} ms | {r['wait_for_ready_median_s']*1e3:.1f} ms | "
                         f"{r['exec_p50_ms']:.2f} ms | {r['exec_p95_ms']:.2f} ms |")
        lines.append(f"\nRatio ipykernel/Tessera: start {p['start_median_s']/t['start_median_s']:.1f}×, "
                     f"execute p50 {p['exec_p50_ms']/t['exec_p50_ms']:.1f}×.")
        lines += ["", "## Timing magics, verbatim (W12)", ""]
        outs = {"tessera": magic_outputs("tessera"), "ipykernel": magic_outputs("python3")}
        for cell, (code, _) in outs["tessera"].items():
            if cell == "timeit_setup":
                continue
            lines += [f"`{code!r}`", "", "```"]
            for k in ("tessera", "ipykernel"):
                lines.append(f"{k}: " + outs[k][cell][1].rstrip().replace("\n", "\n" + " " * (len(k) + 2)))
            lines += ["```", ""]
        with open(a.md, "a") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
