"""Reliability runner (issue 11) at full size: interrupt latency per case,
hostile messages on shell and control, a 10k-execute/1k-compute soak with its
RSS curve, the heartbeat during a 30 s compute, and shutdown times.

    .venv/bin/python bench/reliability.py --tessera /path/to/tessera --md report.md

The kernelspec for --tessera is installed into a private prefix (JUPYTER_PATH
points at it). The measuring code is tests/e2e/reliability_lib.py, which the
CI-sized tests (tests/e2e/test_reliability.py) share. Exit status 1 if any
requirement is missed; every figure is printed either way.
"""
import argparse
import datetime
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))

P95_BOUND_MS = 50.0
SOAK_GROWTH_MB = 20.0
MEM_SLACK = 64 << 20


def ms(x):
    return f"{x * 1000:.1f}" if x is not None else "-"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tessera", default=str(ROOT / "target" / "release" / "tessera"),
                    help="kernel binary (default target/release/tessera)")
    ap.add_argument("--messages", type=int, default=100_000, help="hostile messages (default 100000)")
    ap.add_argument("--executes", type=int, default=10_000, help="soak executes (default 10000)")
    ap.add_argument("--computes", type=int, default=1_000, help="soak computes (default 1000)")
    ap.add_argument("--trials", type=int, default=20, help="interrupt trials per case (default 20)")
    ap.add_argument("--hb-seconds", type=float, default=30.0, help="heartbeat window (default 30)")
    ap.add_argument("--seed", type=int, default=0, help="fuzz seed (default 0)")
    ap.add_argument("--only", default="interrupts,fuzz,soak,heartbeat,shutdown",
                    help="comma-separated subset of interrupts,fuzz,soak,heartbeat,shutdown")
    ap.add_argument("--md", help="append a markdown report to this file")
    args = ap.parse_args()

    binary = pathlib.Path(args.tessera).resolve()
    prefix = tempfile.mkdtemp(prefix="tessera-reliability-")
    subprocess.run([str(binary), "install", "--prefix", prefix], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.environ["JUPYTER_PATH"] = os.path.join(prefix, "share", "jupyter")
    runtime = tempfile.mkdtemp(prefix="tessera-reliability-rt-")
    os.environ.setdefault("JUPYTER_RUNTIME_DIR", runtime)
    import reliability_lib as R  # after JUPYTER_PATH is set

    only = set(args.only.split(","))
    md = [f"## Reliability — {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC",
          "", f"Binary: `{binary}`; machine: {os.cpu_count()} CPUs.", ""]
    failed = []

    def say(line=""):
        print(line, flush=True)
        md.append(line)

    if "interrupts" in only:
        say(f"### 1. Interrupt latency ({args.trials} trials per case; even trials "
            "interrupt_request on control, odd trials SIGINT; interrupt sent ~0.3 s into the cell, "
            "1 s for the rechunk)")
        say("")
        say("| case | p50 ms | p95 ms | max ms | message p95 | SIGINT p95 | RSS before → peak → after (MiB) |")
        say("| --- | --- | --- | --- | --- | --- | --- |")
        results = [R.measure_interrupts(trials=args.trials, cases=[c], mem_slack=MEM_SLACK)
                   for c in R.INTERRUPT_CASES]
        for res in results:
            for case, f in res["cases"].items():
                a = f["all"]
                say(f"| {case} | {ms(a['p50'])} | {ms(a['p95'])} | {ms(a['max'])} | "
                    f"{ms(f['message']['p95'])} | {ms(f['sigint']['p95'])} | "
                    f"{f['rss_before'] >> 20} → {f['rss_peak'] >> 20} → {f['rss_after'] >> 20} |")
                if a["p95"] * 1000 > P95_BOUND_MS:
                    failed.append(f"interrupt {case}: p95 {ms(a['p95'])} ms > {P95_BOUND_MS} ms")
            for p in res["problems"]:
                failed.append(f"interrupt: {p}")
        say("")
        say("Interrupt mode declared by the kernelspec: "
            f"`{results[0]['interrupt_mode']}`; state after the interrupts: "
            + ", ".join(f"`{r.get('state_after')}`" for r in results) + ".")
        say("")

    if "fuzz" in only:
        say(f"### 2. Hostile messages ({args.messages} messages, seed {args.seed}, shell and control)")
        say("")
        res = R.run_fuzz(n_messages=args.messages, seed=args.seed)
        say("| category | sent |")
        say("| --- | --- |")
        for cat, n in sorted(res["sent"].items()):
            say(f"| {cat} | {n} |")
        say("")
        say(f"{res['total']} messages in {res['seconds']:.1f} s "
            f"({res['total'] / res['seconds']:.0f}/s, with a kernel_info round trip on both sockets "
            f"after every 50). Afterwards: alive={res['alive']}, `40 + 2` → `{res['answer']}`; "
            f"{res['forged_markers']} forged execute_requests, {res['markers_created']} marker files "
            f"created (the validly signed control created its file: {res['control_marker_created']}); "
            f"listening: {', '.join(res['listening'])}; kernel log {res['log_bytes']} bytes, "
            f"HMAC key in the log: {res['key_in_log']}, recovered panics logged: "
            f"{res['log_panics']}; RSS {res['rss_before_mb']:.0f} → {res['rss_after_mb']:.0f} MiB.")
        say("")
        failed += [f"fuzz: {p}" for p in res["problems"]]

    if "soak" in only:
        say(f"### 3. Soak ({args.executes} executes + {args.computes} computes of a 1,000-chunk array)")
        say("")

        def progress(step, total, rss):
            if (step + 1) % max(1, total // 10) == 0:
                print(f"  soak {step + 1}/{total}: RSS {rss / 2 ** 20:.1f} MiB", flush=True)

        res = R.run_soak(executes=args.executes, computes=args.computes, samples=200,
                         progress=progress)
        say("| progress | requests done | RSS MiB |")
        say("| --- | --- | --- |")
        for pct, step, rss in res["curve"]:
            say(f"| {pct}% | {step} | {rss:.1f} |")
        say("")
        say(f"{res['seconds']:.1f} s; failures (unexpected status/result): {len(res['failures'])}; "
            f"RSS after the 5% warm-up {res['rss_warm_mb']:.1f} MiB, final {res['rss_final_mb']:.1f} MiB, "
            f"growth {res['growth_mb']:+.2f} MiB (bound {SOAK_GROWTH_MB} MiB).")
        say("")
        if res["failures"]:
            failed.append(f"soak failures: {res['failures'][:5]}")
        if res["growth_mb"] >= SOAK_GROWTH_MB:
            failed.append(f"soak RSS growth {res['growth_mb']:.1f} MiB")

    if "heartbeat" in only:
        say(f"### 4. Heartbeat during a {args.hb_seconds:.0f} s compute (ping every 200 ms, 1 s timeout)")
        say("")
        res = R.run_heartbeat(duration=args.hb_seconds)
        say(f"{res['answered']}/{res['pings']} pings answered; round trip p50 {ms(res['p50_rtt'])} ms, "
            f"max {ms(res['max_rtt'])} ms; then the compute was interrupted in "
            f"{ms(res.get('interrupt_latency'))} ms and the session answered `{res.get('after')}`.")
        say("")
        failed += [f"heartbeat: {p}" for p in res["problems"]]

    if "shutdown" in only:
        say("### 5. Shutdown on control")
        say("")
        say("| restart | state | request → reply ms | reply → exit ms | exit code | children left |")
        say("| --- | --- | --- | --- | --- | --- |")
        for restart in (False, True):
            for busy in (False, True):
                res = R.run_shutdown(restart=restart, busy=busy)
                say(f"| {restart} | {'computing' if busy else 'idle'} | {ms(res['reply_s'])} | "
                    f"{ms(res['exit_after_reply_s'])} | {res['exit_code']} | {len(res['children_left'])} |")
                failed += [f"shutdown restart={restart} busy={busy}: {p}" for p in res["problems"]]
        say("")

    say("### Verdict")
    say("")
    if failed:
        for f in failed:
            say(f"* FAILED: {f}")
    else:
        say("All requirements met.")
    say("")
    if args.md:
        with open(args.md, "a") as f:
            f.write("\n".join(md) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
