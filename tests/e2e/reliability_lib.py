"""Reliability measurements shared by tests/e2e/test_reliability.py (CI sizes)
and bench/reliability.py (full sizes): interrupt latency, hostile wire
messages, a long soak, the heartbeat during a long compute, and shutdown.

Every function starts its own kernel through jupyter_client, with the kernelspec
found on JUPYTER_PATH (the caller sets it), and returns plain dicts of figures.
Failures of the kernel are reported in those dicts (and asserted by the tests),
not raised, so the runner can print everything it measured.
"""
import json
import os
import random
import signal
import statistics
import subprocess
import tempfile
import time
import uuid

import psutil
import zmq
from jupyter_client.manager import KernelManager
from jupyter_client.session import Session

DELIM = b"<IDS|MSG>"

# --------------------------------------------------------------------------- kernels


class Kernel:
    """A kernel started by KernelManager with its stdout/stderr captured in a file."""

    def __init__(self, kernel_name="tessera", startup_timeout=60):
        self.log_path = tempfile.mktemp(prefix="tessera-rel-log-", suffix=".txt")
        self._log = open(self.log_path, "wb")
        self.km = KernelManager(kernel_name=kernel_name)
        self.km.start_kernel(stdout=self._log, stderr=subprocess.STDOUT)
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=startup_timeout)
        self.proc = self.km.provisioner.process
        self.pid = self.proc.pid
        self.ps = psutil.Process(self.pid)

    def rss(self):
        return self.ps.memory_info().rss

    def alive(self):
        return self.proc.poll() is None

    def log_text(self):
        self._log.flush()
        with open(self.log_path, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def close(self):
        try:
            self.kc.stop_channels()
        except Exception:
            pass
        try:
            if self.alive():
                self.km.shutdown_kernel(now=True)
            else:
                self.km.cleanup_resources()
        except Exception:
            pass
        self._log.close()
        try:
            os.unlink(self.log_path)
        except OSError:
            pass

    # -- requests -----------------------------------------------------------

    def shell_reply(self, msg_id, timeout):
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no shell reply to {msg_id} in {timeout}s")
            msg = self.kc.get_shell_msg(timeout=left)
            if msg["parent_header"].get("msg_id") == msg_id:
                return msg

    def iopub_until_idle(self, msg_id, timeout):
        out = []
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no idle for {msg_id} in {timeout}s")
            msg = self.kc.get_iopub_msg(timeout=left)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            out.append(msg)
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return out

    def execute(self, code, timeout=60, **kw):
        """(reply content, text/plain of the execute_result or None, stdout text)."""
        msg_id = self.kc.execute(code, **kw)
        reply = self.shell_reply(msg_id, timeout)
        iopub = self.iopub_until_idle(msg_id, timeout)
        result, stdout = None, ""
        for m in iopub:
            if m["msg_type"] == "execute_result":
                result = m["content"]["data"]["text/plain"]
            elif m["msg_type"] == "stream":
                stdout += m["content"]["text"]
        return reply["content"], result, stdout

    def value(self, expr, timeout=60):
        for _ in range(3):
            content, result, _ = self.execute(expr, timeout=timeout)
            # "aborted" right after an interrupted cell is a known kernel race that
            # measure_interrupts counts on its own; try again rather than stop here.
            if content["status"] != "aborted":
                break
        if content["status"] != "ok":
            raise RuntimeError(f"{expr!r} failed: {content.get('ename')}: {content.get('evalue')}")
        return result


def quantiles(xs):
    xs = sorted(xs)
    if not xs:
        return {"n": 0}

    def q(p):
        # nearest-rank percentile
        k = max(0, min(len(xs) - 1, int(-(-p * len(xs) // 1)) - 1))
        return xs[k]

    return {"n": len(xs), "p50": statistics.median(xs), "p95": q(0.95), "max": xs[-1]}


# --------------------------------------------------------------------------- 1. interrupts

# Case (a) runs for minutes on the debug build and ~6 s on the release build
# (4e8 elements take 0.24 s in release); it is always interrupted after ~0.3 s.
BIG_COMPUTE = ("da.random.random((100000, 100000), chunks=(2000, 2000)).sum().compute()")
# A compute that holds memory (a rechunk to tall thin blocks gathers many source
# blocks): for the "memory is released after an interrupt" check. Waited on for
# 1 s before the interrupt so that hundreds of MB are live.
RECHUNK_COMPUTE = ("da.random.random((100000, 100000), chunks=(2000, 2000))"
                   ".rechunk((100000, 200)).sum().compute()")
INTERRUPT_CASES = {
    "a_big_array_compute": BIG_COMPUTE,
    "a_rechunk_compute": RECHUNK_COMPUTE,
    "b_delayed_busy_loop": "def busy():\n    while True:\n        pass\ndask.delayed(busy)().compute()",
    "b_delayed_sleep": "def sleepy():\n    time.sleep(3600)\ndask.delayed(sleepy)().compute()",
    "c_dialect_loop": "while True:\n    n += 1",
    "d_blocked_input": "answer = input('never answered: ')",
}


def interrupt_kernel(k, how):
    if how == "message":
        k.km.interrupt_kernel()  # kernelspec says interrupt_mode "message": interrupt_request on control
    else:
        k.km.signal_kernel(signal.SIGINT)


CASE_WAIT = {"a_rechunk_compute": 1.0}


def early_reply(k, msg_id, wait):
    """Wait `wait` seconds; the execute_reply to msg_id if it already came."""
    deadline = time.monotonic() + wait
    while True:
        left = deadline - time.monotonic()
        try:
            msg = k.kc.get_shell_msg(timeout=max(0.0, left))
        except Exception:
            if left <= 0:
                return None
            continue
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def measure_interrupts(trials=20, wait=0.3, cases=None, mem_slack=64 << 20):
    """For each case, `trials` runs of: start the cell, wait, interrupt (message
    for even trials, SIGINT for odd ones), time until the KeyboardInterrupt
    execute_reply. Returns {case: {...}, "state_kept": bool, "rss": {...}}."""
    cases = cases or list(INTERRUPT_CASES)
    k = Kernel()
    out = {"interrupt_mode": k.km.kernel_spec.interrupt_mode, "cases": {}, "problems": [],
           "aborted_after_interrupt": 0}
    try:
        k.value("import dask.array as da\nimport dask\nimport time\nkept = 41\nn = 0\n"
                "keep_list = [1, 2, 3]")
        k.km.interrupt_kernel()  # connect the control socket now, outside the timings
        time.sleep(0.2)
        k.value("1")  # an idle interrupt must not poison the next cell
        for case in cases:
            code = INTERRUPT_CASES[case]
            stdin = case == "d_blocked_input"
            rss_before = k.rss()
            rss_peak = rss_before
            lat = {"message": [], "sigint": []}
            t = 0
            retries = 0
            while t < trials:
                how = "message" if t % 2 == 0 else "sigint"
                msg_id = k.kc.execute(code, allow_stdin=stdin)
                if stdin:
                    try:
                        req = k.kc.get_stdin_msg(timeout=3)
                        if req["msg_type"] != "input_request":
                            out["problems"].append(f"{case}: expected input_request, got {req['msg_type']}")
                    except Exception:
                        pass  # no input_request: see whether the cell was answered already
                early = early_reply(k, msg_id, CASE_WAIT.get(case, wait))
                if early is not None:
                    # The cell ended before any interrupt: the kernel answered at once
                    # (e.g. "aborted" by the previous cell's stop_on_error).
                    c = early["content"]
                    out["aborted_after_interrupt"] += c.get("status") == "aborted"
                    out["problems"].append(f"{case} trial {t}: the cell sent after an interrupted "
                                           f"one was answered {c.get('status')} {c.get('ename')} "
                                           "without running")
                    k.iopub_until_idle(msg_id, timeout=30)
                    retries += 1
                    if retries > 5 * trials:
                        raise RuntimeError(f"{case}: cells keep ending before the interrupt")
                    continue
                t += 1
                rss_peak = max(rss_peak, k.rss())
                t0 = time.perf_counter()
                interrupt_kernel(k, how)
                try:
                    reply = k.shell_reply(msg_id, timeout=30)
                except TimeoutError:
                    out["problems"].append(f"{case} trial {t} ({how}): no execute_reply within 30 s")
                    raise
                dt = time.perf_counter() - t0
                k.iopub_until_idle(msg_id, timeout=30)
                c = reply["content"]
                if c.get("ename") != "KeyboardInterrupt":
                    out["problems"].append(f"{case} trial {t} ({how}): reply {c.get('status')} "
                                           f"{c.get('ename')} {c.get('evalue')}")
                lat[how].append(dt)
            # memory released: RSS settles back near its level before the case
            rss_after = k.rss()
            deadline = time.monotonic() + 3
            while rss_after > rss_before + mem_slack and time.monotonic() < deadline:
                time.sleep(0.1)
                rss_after = k.rss()
            both = lat["message"] + lat["sigint"]
            out["cases"][case] = {
                "all": quantiles(both),
                "message": quantiles(lat["message"]),
                "sigint": quantiles(lat["sigint"]),
                "rss_before": rss_before, "rss_peak": rss_peak, "rss_after": rss_after,
            }
            if rss_after > rss_before + mem_slack:
                out["problems"].append(f"{case}: RSS {rss_before >> 20} MiB before, "
                                       f"{rss_after >> 20} MiB after the interrupts")
        kept = k.value("(kept + 1, len(keep_list), n > 0)")
        out["state_after"] = kept
        if kept != "(42, 3, True)" and "c_dialect_loop" in cases:
            out["problems"].append(f"state not kept: {kept}")
        out["alive"] = k.alive()
        out["answer_after"] = k.value("40 + 2")
    finally:
        k.close()
    return out


# --------------------------------------------------------------------------- 2. hostile messages

HARMLESS_SNIPPETS = [
    "1 + 1", "x_fz = 3", "print('fuzz')", "[i * i for i in range(10)]", "{'a': 1, 'b': [1, 2]}",
    "def ", "1 / 0", "raise ValueError('fuzz')", "undefined_name_fz", "if True:\n  pass",
    "'s' * 3", "(", "import dask.array as da\nda.ones(10, chunks=5).sum().compute()",
    "", "   ", "# only a comment", "a_fz = [1, 2, 3]\na_fz[10]", "%who", "x_fz?",
    "lambda: 0", "None", "\u00e9t\u00e9 = 1", "b'bytes'", "1 if True else 2",
]
REQUEST_TYPES = ["execute_request", "complete_request", "inspect_request", "is_complete_request",
                 "history_request", "comm_info_request", "comm_open", "comm_msg", "comm_close",
                 "kernel_info_request"]
UNKNOWN_TYPES = ["foo_request", "", "execute_reply", "status", "stream", "input_reply",
                 "interrupt_reply", "debug_request", "usage_request", "KERNEL_INFO_REQUEST",
                 "kernel_info_reply", "create_subshell_request", "\u0000", "x" * 300,
                 "shutdown_reply", "apply_request", "clear_request", "abort_request"]
ODD_VALUES = [None, True, False, 0, -1, -5, 2 ** 31, 2 ** 63, 10 ** 20, -(10 ** 20), 1.5, float("1e308"),
              "", "x", "\u0000", "\ud7ff", [], [1, "a"], {}, {"a": {"b": []}}, "1" * 1000]

WRONG_CONTENT = {
    "execute_request": [
        {"code": 123}, {"code": None}, {"code": ["1+1"]}, {"code": "1 + 1", "silent": "yes"},
        {"code": "1 + 1", "user_expressions": []}, {"code": "1 + 1", "user_expressions": {"a": 5}},
        {"code": "1 + 1", "user_expressions": {"a": "1/0", "b": "("}},
        {"code": "1 + 1", "store_history": "no"}, {"code": "1 + 1", "allow_stdin": 5},
        {"code": "1 + 1", "stop_on_error": None}, {}, {"silent": True},
        {"code": "1 + 1", "silent": 1, "store_history": [], "allow_stdin": {}, "stop_on_error": "x"},
    ],
    "complete_request": [
        {"code": "im", "cursor_pos": -5}, {"code": "im", "cursor_pos": 10 ** 20},
        {"code": "im", "cursor_pos": "x"}, {"code": None, "cursor_pos": 0},
        {"code": "da.", "cursor_pos": 3.5}, {"code": "\u00e9\u00e9", "cursor_pos": 1}, {},
        {"code": "x" * 10000, "cursor_pos": 5000}, {"code": "abc", "cursor_pos": 2 ** 63},
    ],
    "inspect_request": [
        {"code": "len", "cursor_pos": -1, "detail_level": 0},
        {"code": "len", "cursor_pos": 10 ** 20, "detail_level": 5},
        {"code": 5, "cursor_pos": "a", "detail_level": "b"}, {},
        {"code": "print", "cursor_pos": 3, "detail_level": None},
    ],
    "is_complete_request": [{"code": 1}, {"code": None}, {}, {"code": ["a"]},
                            {"code": "for i in range(3):"}, {"code": "\u0000"}],
    "history_request": [
        {"hist_access_type": "tail", "n": -1}, {"hist_access_type": "tail", "n": 10 ** 20},
        {"hist_access_type": "range", "session": "x", "start": -5, "stop": 10 ** 20},
        {"hist_access_type": "search", "pattern": None, "unique": "yes"},
        {"hist_access_type": 7}, {}, {"hist_access_type": "bogus", "output": [], "raw": 3},
        {"hist_access_type": "range", "session": 0, "start": 10 ** 20, "stop": -10 ** 20},
        {"hist_access_type": "tail", "n": "ten"},
    ],
    "comm_open": [{"comm_id": 5, "target_name": None, "data": []}, {}, {"comm_id": "c", "data": "x"},
                  {"comm_id": "c2", "target_name": "jupyter.widget", "data": {"state": []}},
                  {"comm_id": ["c"], "target_name": {}, "data": None}],
    "comm_msg": [{"comm_id": "nope", "data": {}}, {"comm_id": None}, {}, {"comm_id": 5, "data": [1]}],
    "comm_close": [{"comm_id": "nope"}, {}, {"comm_id": None, "data": 5}],
    "comm_info_request": [{"target_name": 5}, {"target_name": None}, {}, {"target_name": "x" * 500}],
    "kernel_info_request": [{"x": 1}, {"": None}, {"a": [1, 2, {"b": 10 ** 20}]}],
}

CATEGORIES = [
    # (name, weight)
    ("bad_hmac", 10), ("missing_hmac", 6), ("tampered_after_signing", 6),
    ("unknown_msg_type", 6), ("truncated_frames", 10), ("extra_buffers", 4),
    ("invalid_json", 12), ("wrong_json_type", 10), ("header_missing_fields", 8),
    ("wrong_content_types", 14), ("valid_requests", 8), ("random_bytes", 8),
]
HUGE_EVERY = 1000  # one huge message (tens of MB) per this many messages


class Forger:
    """Builds wire frames for the kernel's session key (and for wrong keys)."""

    def __init__(self, key, session_id, rng, marker_dir):
        self.key = key
        self.session_id = session_id
        self.rng = rng
        self.marker_dir = marker_dir
        self.good = Session(key=key, username="fuzz", session=session_id)
        self.n_markers = 0

    def header(self, msg_type, **drop):
        return {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "username": "fuzz",
                "session": self.session_id, "date": "2026-01-01T00:00:00.000000Z", "version": "5.3"}

    def sign(self, parts, key=None):
        if key is None:
            return self.good.sign(parts)
        return Session(key=key).sign(parts)

    def frames(self, msg_type, content, header=None, parent=None, metadata=None, key=None,
               buffers=()):
        h = header if header is not None else self.header(msg_type)
        parts = [json.dumps(h).encode(), json.dumps(parent or {}).encode(),
                 json.dumps(metadata or {}).encode(), json.dumps(content).encode()]
        return [DELIM, self.sign(parts, key)] + parts + list(buffers), h.get("msg_id") if isinstance(h, dict) else None

    def marker_code(self):
        self.n_markers += 1
        path = os.path.join(self.marker_dir, f"marker-{self.n_markers}")
        return f"f = open({path!r}, 'w')\nf.write('forged')\nf.close()"

    def exec_content(self, code):
        return {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                "allow_stdin": False, "stop_on_error": False}

    def snippet(self):
        return self.rng.choice(HARMLESS_SNIPPETS)

    def valid_request(self):
        r = self.rng
        t = r.choice(REQUEST_TYPES[:6])
        content = {
            "execute_request": lambda: self.exec_content(self.snippet()),
            "complete_request": lambda: {"code": "import da", "cursor_pos": r.randint(0, 9)},
            "inspect_request": lambda: {"code": "len(x)", "cursor_pos": 2, "detail_level": r.randint(0, 1)},
            "is_complete_request": lambda: {"code": self.snippet()},
            "history_request": lambda: {"hist_access_type": "tail", "n": 5, "output": False, "raw": True},
            "comm_info_request": lambda: {},
        }[t]()
        return self.frames(t, content)[0]

    # -- categories --------------------------------------------------------

    def make(self, cat):
        r = self.rng
        if cat == "bad_hmac":
            key = r.choice([b"not-the-key", self.key + b"x", self.key[:-1], b"", self.key.upper()])
            if key == b"":
                # a signature computed with no key: the empty signature
                f, _ = self.frames("execute_request", self.exec_content(self.marker_code()))
                f[1] = b""
                return f
            return self.frames("execute_request", self.exec_content(self.marker_code()), key=key)[0]
        if cat == "missing_hmac":
            f, _ = self.frames("execute_request", self.exec_content(self.marker_code()))
            v = r.randrange(4)
            if v == 0:
                del f[1]  # no signature frame at all: the header sits where it should be
            elif v == 1:
                f[1] = b""
            elif v == 2:
                f[1] = b"0" * 64
            else:
                f[1] = f[1][:-2] + (b"00" if f[1][-2:] != b"00" else b"11")
            return f
        if cat == "tampered_after_signing":
            f, _ = self.frames("execute_request", self.exec_content("1 + 1"))
            f[5] = json.dumps(self.exec_content(self.marker_code())).encode()
            return f
        if cat == "unknown_msg_type":
            return self.frames(r.choice(UNKNOWN_TYPES + [uuid.uuid4().hex]), {"a": 1})[0]
        if cat == "truncated_frames":
            f, _ = self.frames(r.choice(REQUEST_TYPES[:4]), self.exec_content(self.snippet()))
            v = r.randrange(5)
            if v == 0:
                return f[1:]  # missing delimiter
            if v == 1:
                return f[: r.randint(1, 5)]  # fewer than 5 frames after the delimiter
            if v == 2:
                return [r.randbytes(r.randint(0, 20)) for _ in range(r.randint(1, 3))] + f[:4]
            if v == 3:
                return [b""] * r.randint(1, 8)
            # fewer parts, validly signed over what is there
            parts = f[2:2 + r.randint(0, 3)]
            return [DELIM, self.sign(parts)] + parts
        if cat == "extra_buffers":
            f = self.valid_request()
            return f + [r.randbytes(r.randint(0, 2000)) for _ in range(r.randint(1, 5))]
        if cat == "invalid_json":
            h = self.header(r.choice(REQUEST_TYPES))
            parts = [json.dumps(h).encode(), b"{}", b"{}", json.dumps({"code": "1"}).encode()]
            i = r.randrange(4)
            parts[i] = r.choice([b"{", b"\xff\xfe\xfd", b"{'a': 1}", b"nul", b"", b'{"a":}',
                                 b'{"a": 1,}', b"[1, 2", b"\"unterminated", b"{\"a\": NaN}",
                                 b'{"a": "\\ud800"}', json.dumps(h).encode()[:-3],
                                 b"\x00" * 10, b"{" * 100000, b"[" * 100000])
            return [DELIM, self.sign(parts)] + parts
        if cat == "wrong_json_type":
            h = self.header(r.choice(REQUEST_TYPES))
            parts = [json.dumps(h).encode(), b"{}", b"{}", json.dumps({"code": "1"}).encode()]
            i = r.randrange(4)
            parts[i] = r.choice([b"[]", b"1", b"null", b'"str"', b"true", b"[1, 2]", b"1e400",
                                 b"-0", b"[{}]", b'[{"msg_type": "execute_request"}]'])
            return [DELIM, self.sign(parts)] + parts
        if cat == "header_missing_fields":
            t = r.choice(REQUEST_TYPES)
            h = self.header(t)
            v = r.randrange(3)
            if v == 0:
                for key in r.sample(list(h), r.randint(1, 3)):
                    del h[key]
                if r.random() < 0.5:
                    h.pop(r.choice(["msg_id", "msg_type"]), None)
            elif v == 1:
                h[r.choice(["msg_id", "msg_type", "session", "username", "date", "version"])] = \
                    r.choice(ODD_VALUES)
            else:
                h = {}
            content = self.exec_content(self.snippet()) if t == "execute_request" else {}
            return self.frames(t, content, header=h)[0]
        if cat == "wrong_content_types":
            t = r.choice(list(WRONG_CONTENT))
            content = dict(r.choice(WRONG_CONTENT[t]))
            if t == "execute_request" and isinstance(content.get("code"), str):
                content["code"] = self.snippet()
            if r.random() < 0.3:
                content[r.choice(["code", "cursor_pos", "detail_level", "comm_id", "data", "n",
                                  "silent", "target_name", "x"])] = r.choice(ODD_VALUES)
                if t == "execute_request" and isinstance(content.get("code"), str):
                    content["code"] = self.snippet()
            parent = r.choice([None, {"msg_id": 5}, {"header": []}])
            metadata = r.choice([None, {"deletedCells": 5}, {"cellId": None}, {"x": [1] * 10}])
            return self.frames(t, content, parent=parent, metadata=metadata)[0]
        if cat == "valid_requests":
            return self.valid_request()
        if cat == "random_bytes":
            f = [r.randbytes(r.randint(0, 300)) for _ in range(r.randint(1, 10))]
            if r.random() < 0.5:
                f.insert(r.randrange(len(f) + 1), DELIM)
            return f
        raise ValueError(cat)

    def huge(self, i):
        """Tens of MB: three kinds in turn."""
        r = self.rng
        size = r.randint(10, 40) << 20
        kind = i % 3
        if kind == 0:  # forged signature, huge random content
            parts = [json.dumps(self.header("execute_request")).encode(), b"{}", b"{}",
                     r.randbytes(size)]
            return "huge_bad_hmac", [DELIM, b"0" * 64] + parts
        if kind == 1:  # validly signed, a huge padding field in content
            c = self.exec_content("1 + 1")
            c["padding"] = "p" * size
            return "huge_valid_padding", self.frames("execute_request", c)[0]
        # validly signed kernel_info_request with huge metadata and a huge buffer
        f, _ = self.frames("kernel_info_request", {}, metadata={"m": "m" * (size // 2)})
        return "huge_valid_buffers", f + [b"\x00" * (size // 2)]


def _drain(sock):
    n = 0
    while True:
        try:
            sock.recv_multipart(zmq.NOBLOCK)
            n += 1
        except zmq.Again:
            return n


def _sync(sock, forger, timeout):
    """A valid kernel_info_request; wait (draining the rest) for its reply."""
    f, msg_id = forger.frames("kernel_info_request", {})
    sock.send_multipart(f)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if sock.poll(int(max(1, (deadline - time.monotonic()) * 1000))):
            frames = sock.recv_multipart()
            try:
                i = frames.index(DELIM)
                parent = json.loads(frames[i + 3])
                if parent.get("msg_id") == msg_id:
                    return True
            except (ValueError, IndexError, json.JSONDecodeError):
                pass
    return False


def run_fuzz(n_messages=5000, seed=0, batch=50, sync_timeout=60, huge_every=HUGE_EVERY):
    """Send n_messages hostile messages to shell and control; returns figures and
    whatever the kernel did wrong under "problems"."""
    rng = random.Random(seed)
    marker_dir = tempfile.mkdtemp(prefix="tessera-fuzz-markers-")
    k = Kernel()
    out = {"seed": seed, "sent": {}, "problems": [], "replies_drained": 0}
    ctx = zmq.Context.instance()
    socks = {}
    try:
        key = k.km.session.key
        forger = Forger(key, uuid.uuid4().hex, rng, marker_dir)
        # Listening sockets: all on the connection file's IP.
        conns = [c for c in k.ps.net_connections(kind="inet") if c.status == psutil.CONN_LISTEN]
        out["listening"] = sorted(f"{c.laddr.ip}:{c.laddr.port}" for c in conns)
        ports = {k.km.shell_port, k.km.iopub_port, k.km.stdin_port, k.km.control_port, k.km.hb_port}
        if {c.laddr.port for c in conns} < ports:
            out["problems"].append(f"not all five ports listen: {out['listening']} vs {sorted(ports)}")
        bad = [c for c in conns if c.laddr.ip != k.km.ip]
        if bad:
            out["problems"].append(f"listening on other addresses than {k.km.ip}: {bad}")
        for name, port in (("shell", k.km.shell_port), ("control", k.km.control_port)):
            s = ctx.socket(zmq.DEALER)
            s.setsockopt(zmq.LINGER, 0)
            s.setsockopt(zmq.IDENTITY, f"fuzz-{name}".encode())
            s.connect(f"tcp://{k.km.ip}:{port}")
            socks[name] = s
        names, weights = zip(*CATEGORIES)
        rss0 = k.rss()
        t0 = time.monotonic()
        sent = 0
        while sent < n_messages:
            for _ in range(min(batch, n_messages - sent)):
                sent += 1
                if huge_every and sent % huge_every == 0:
                    cat, frames = forger.huge(sent // huge_every)
                else:
                    cat = rng.choices(names, weights)[0]
                    frames = forger.make(cat)
                where = rng.choice(("shell", "control"))
                socks[where].send_multipart(frames, copy=len(frames[-1]) < (1 << 20))
                out["sent"][cat] = out["sent"].get(cat, 0) + 1
            for name, s in socks.items():
                out["replies_drained"] += _drain(s)
            for name, s in socks.items():
                if not _sync(s, forger, sync_timeout):
                    out["problems"].append(f"no kernel_info_reply on {name} within {sync_timeout}s "
                                           f"after {sent} messages (alive={k.alive()})")
                    raise RuntimeError(out["problems"][-1])
        out["seconds"] = time.monotonic() - t0
        out["total"] = sent
        out["rss_before_mb"] = rss0 / 2 ** 20
        out["rss_after_mb"] = k.rss() / 2 ** 20
        # Afterwards: alive, answers on shell and control, executes 40 + 2.
        out["alive"] = k.alive()
        for name in ("shell", "control"):
            if not _sync(socks[name], forger, 10):
                out["problems"].append(f"no kernel_info_reply on {name} after the fuzz")
        out["answer"] = k.value("40 + 2")
        if out["answer"] != "42":
            out["problems"].append(f"40 + 2 gave {out['answer']}")
        markers = os.listdir(marker_dir)
        out["forged_markers"] = forger.n_markers
        out["markers_created"] = len(markers)
        if markers:
            out["problems"].append(f"{len(markers)} unsigned/mis-signed execute_requests ran: {markers[:5]}")
        # Positive control: the very same code, validly signed, does create its file.
        code = forger.marker_code()
        f, msg_id = forger.frames("execute_request", forger.exec_content(code))
        socks["shell"].send_multipart(f)
        _sync(socks["shell"], forger, 30)
        out["control_marker_created"] = os.path.exists(
            os.path.join(marker_dir, f"marker-{forger.n_markers}"))
        if not out["control_marker_created"]:
            out["problems"].append("the validly signed marker code did not create its file")
        log = k.log_text()
        out["log_bytes"] = len(log)
        out["log_panics"] = log.count("internal error") + log.count("panicked")
        out["log_sample"] = log[-2000:]
        out["key_in_log"] = key.decode() in log
        if out["key_in_log"]:
            out["problems"].append("the HMAC key appears in the kernel's stdout/stderr")
        if not out["alive"]:
            out["problems"].append(f"kernel died with exit code {k.proc.poll()}")
    finally:
        for s in socks.values():
            s.close(0)
        k.close()
        for f in os.listdir(marker_dir):
            os.unlink(os.path.join(marker_dir, f))
        os.rmdir(marker_dir)
    return out


# --------------------------------------------------------------------------- 3. soak

SOAK_ARRAY = "x_soak = da.ones((1000, 1000), chunks=(100, 10))"
SOAK_COMPUTE = "(x_soak + 1).sum().compute()"


def soak_cell(i):
    """(code, expected ename or None, expected text/plain or None) of cell i."""
    v = i % 10
    if i % 97 == 96:
        return "1 / 0", "ZeroDivisionError", None
    if i % 211 == 210:
        return "raise ValueError('soak')", "ValueError", None
    if v == 0:
        return f"a{i % 50} = {i}", None, None
    if v == 1:
        return f"print('line', {i})", None, None
    if v == 2:
        return f"{i} * 2 + 1", None, str(i * 2 + 1)
    if v == 3:
        return f"d = {{'k': {i}, 'v': [j for j in range(10)]}}\nlen(d['v'])", None, "10"
    if v == 4:
        return "lst = [q * 2 for q in range(20)]\nlst[-1]", None, "38"
    if v == 5:
        return f"s = 'x' * {i % 100}\nlen(s)", None, str(i % 100)
    if v == 6:
        return f"t = (1, 2, {i})\nt[2] - {i}", None, "0"
    if v == 7:
        return "def fsoak(a):\n    return a + 1\nfsoak(1)", None, "2"
    if v == 8:
        return f"m = {{}}\nfor j in range(5):\n    m[j] = j * {i}\nsum(m.values())", None, str(10 * i)
    j = (i - 9) % 50  # assigned by cell i - 9, unless that one was a raising cell
    return f"a{j}", None, None if soak_cell(i - 9)[1] else str(i - 9)


def run_soak(executes=10000, computes=1000, samples=100, progress=None):
    k = Kernel()
    out = {"executes": executes, "computes": computes, "failures": [], "curve": []}
    try:
        k.value("import dask.array as da\n" + SOAK_ARRAY)
        total = executes + computes
        t0 = time.monotonic()
        done_e = 0
        rss = []
        sample_every = max(1, total // samples)
        for step in range(total):
            # computes spread evenly among the executes
            if (step + 1) * computes // total > step * computes // total:
                code, ename, expect = SOAK_COMPUTE, None, "2000000.0"
            else:
                code, ename, expect = soak_cell(done_e)
                done_e += 1
            content, result, _ = k.execute(code, timeout=120, stop_on_error=False)
            if ename is None and content["status"] != "ok":
                out["failures"].append((step, code, content.get("ename"), content.get("evalue")))
            elif ename is not None and content.get("ename") != ename:
                out["failures"].append((step, code, "expected " + ename, content.get("ename")))
            elif expect is not None and result != expect:
                out["failures"].append((step, code, "expected " + expect, result))
            if (step + 1) % sample_every == 0 or step + 1 == total:
                rss.append((step + 1, k.rss()))
                if progress:
                    progress(step, total, rss[-1][1])
            if len(out["failures"]) > 20:
                raise RuntimeError(f"soak: too many failures: {out['failures']}")
        out["seconds"] = time.monotonic() - t0
        warm_step = max(1, total // 20)  # the first ~5% is the warm-up
        warm = next(r for s, r in rss if s >= warm_step)
        final = rss[-1][1]
        out["rss_warm_mb"] = warm / 2 ** 20
        out["rss_final_mb"] = final / 2 ** 20
        out["rss_max_mb"] = max(r for _, r in rss) / 2 ** 20
        out["growth_mb"] = (final - warm) / 2 ** 20
        for pct in range(0, 101, 10):
            target = max(1, total * pct // 100)
            s, r = next((s, r) for s, r in rss if s >= target)
            out["curve"].append((pct, s, r / 2 ** 20))
        out["alive"] = k.alive()
    finally:
        k.close()
    return out


# --------------------------------------------------------------------------- 4. heartbeat

HB_COMPUTE = "da.random.random((400000, 400000), chunks=(4000, 4000)).sum().compute()"


def run_heartbeat(duration=30.0, period=0.2, timeout=1.0):
    k = Kernel()
    out = {"pings": 0, "answered": 0, "rtts": [], "problems": []}
    ctx = zmq.Context.instance()
    hb = None
    try:
        k.value("import dask.array as da\nkept_hb = 7")
        msg_id = k.kc.execute(HB_COMPUTE)
        time.sleep(0.5)

        def new_hb():
            s = ctx.socket(zmq.REQ)
            s.setsockopt(zmq.LINGER, 0)
            s.connect(f"tcp://{k.km.ip}:{k.km.hb_port}")
            return s

        hb = new_hb()
        end = time.monotonic() + duration
        while time.monotonic() < end:
            nxt = time.monotonic() + period
            payload = uuid.uuid4().bytes
            t = time.perf_counter()
            hb.send(payload)
            out["pings"] += 1
            if hb.poll(int(timeout * 1000)):
                echo = hb.recv()
                rtt = time.perf_counter() - t
                if echo == payload:
                    out["answered"] += 1
                    out["rtts"].append(rtt)
                else:
                    out["problems"].append("heartbeat echoed something else")
            else:
                out["problems"].append(f"heartbeat ping {out['pings']} unanswered in {timeout}s")
                hb.close(0)
                hb = new_hb()
            time.sleep(max(0.0, nxt - time.monotonic()))
        # the compute must still be running, or the test measured an idle kernel
        early = [m for m in _pending_shell(k) if m["parent_header"].get("msg_id") == msg_id]
        if early:
            out["problems"].append("the compute finished before the heartbeat window ended")
        t0 = time.perf_counter()
        k.km.interrupt_kernel()
        reply = k.shell_reply(msg_id, timeout=30)
        out["interrupt_latency"] = time.perf_counter() - t0
        k.iopub_until_idle(msg_id, timeout=30)
        if reply["content"].get("ename") != "KeyboardInterrupt":
            out["problems"].append(f"compute ended with {reply['content']}")
        out["after"] = k.value("kept_hb * 6")
        if out["after"] != "42":
            out["problems"].append(f"session state lost: {out['after']}")
        out["max_rtt"] = max(out["rtts"]) if out["rtts"] else None
        out["p50_rtt"] = statistics.median(out["rtts"]) if out["rtts"] else None
    finally:
        if hb is not None:
            hb.close(0)
        k.close()
    return out


def _pending_shell(k):
    msgs = []
    while True:
        try:
            msgs.append(k.kc.get_shell_msg(timeout=0.01))
        except Exception:
            return msgs


# --------------------------------------------------------------------------- 5. shutdown


def run_shutdown(restart, busy):
    """shutdown_request on control; times request→reply and reply→exit."""
    k = Kernel()
    out = {"restart": restart, "busy": busy, "problems": []}
    try:
        if busy:
            k.value("import dask.array as da")
            k.kc.execute(HB_COMPUTE)
            time.sleep(0.5)
        children = k.ps.children(recursive=True)
        out["children_before"] = len(children)
        t0 = time.perf_counter()
        msg_id = k.kc.shutdown(restart=restart)
        reply = None
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            m = k.kc.control_channel.get_msg(timeout=max(0.01, deadline - time.monotonic()))
            if m["parent_header"].get("msg_id") == msg_id:
                reply = m
                break
        t_reply = time.perf_counter()
        out["reply_s"] = t_reply - t0
        if reply is None or reply["msg_type"] != "shutdown_reply":
            out["problems"].append(f"no shutdown_reply: {reply}")
        elif reply["content"].get("restart") != restart:
            out["problems"].append(f"shutdown_reply restart={reply['content'].get('restart')}")
        try:
            code = k.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            code = None
        out["exit_after_reply_s"] = time.perf_counter() - t_reply
        out["exit_code"] = code
        if code is None:
            out["problems"].append("process still running 10 s after the shutdown_reply")
        elif code != 0:
            out["problems"].append(f"exit code {code}")
        if out["exit_after_reply_s"] > 1.0:
            out["problems"].append(f"exited {out['exit_after_reply_s']:.3f}s after the reply (> 1 s)")
        left = [c.pid for c in children if c.is_running() and c.status() != psutil.STATUS_ZOMBIE]
        left += [c.pid for c in psutil.process_iter() if _ppid(c) == k.pid]
        out["children_left"] = left
        if left:
            out["problems"].append(f"child processes remain: {left}")
    finally:
        k.close()
    return out


def _ppid(p):
    try:
        return p.ppid()
    except psutil.Error:
        return None
