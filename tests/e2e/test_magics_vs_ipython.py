"""Magic output formats checked against IPython's own: the same cells run through
ipykernel and through Tessera, and each output line must have the same shape once
numbers and time units are masked (speeds differ, formats must not)."""
import re

import pytest
from jupyter_client.manager import start_new_kernel

from test_protocol import execute

# (setup cells, cell under test)
CASES = {
    "timeit_line": ([], "%timeit -n 10 -r 3 sum(range(100))"),
    "timeit_single_run": ([], "%timeit -n 1 -r 1 sum(range(10))"),
    "timeit_cell_with_setup": ([], "%%timeit -n 5 -r 2 xs = list(range(50))\nsorted(xs)"),
    "timeit_quiet_result": ([], "r = %timeit -q -o -n 3 -r 2 sum(range(10))\nprint(r.loops, r.repeat, len(r.all_runs))"),
    "timeit_result_repr": ([], "%timeit -o -n 2 -r 2 sum(range(10))"),
    "time_line": ([], "%time sum(range(1000))"),
    "time_cell": ([], "%%time\nx = sum(range(1000))\nx * 2"),
    "who": (["alpha = 1\nbeta = 'two'\ngamma = [3]"], "%who"),
    "who_ls": (["alpha = 1\nbeta = 'two'"], "%who_ls"),
    "whos": (["alpha = 1\nbeta = 'two'\ngamma = [3, 4]\nd = {'k': 1}"], "%whos"),
    "who_empty": ([], "%who"),
    "env_set": ([], "%env TESSERA_MAGIC_TEST=yes"),
    "env_get": (["%env TESSERA_MAGIC_TEST2=abc"], "%env TESSERA_MAGIC_TEST2"),
    "unknown_line_magic": ([], "%definitely_not_a_magic 1"),
    "unknown_cell_magic": ([], "%%definitely_not_a_magic\n1"),
    "bad_timeit_option": ([], "%timeit -Z 1"),
    "timeit_to_variable": ([], "%timeit -q -v res -n 2 -r 2 sum(range(10))\nprint(type(res).__name__, res.loops)"),
}

NUM = re.compile(r"\d[\d,]*(\.\d+)?(e[+-]\d+)?")
UNIT = re.compile("<N> ?(ns|\u03bcs|\u00b5s|us|ms|s|min|h|d)(?![a-z])")
# Timing noise decides whether this warning appears; its format is unit-tested.
NOISE = "The slowest run took"


def mask(text):
    """Replace numbers (and their time units) by placeholders."""
    text = NUM.sub("<N>", text)
    text = UNIT.sub("<T>", text)
    # IPython pluralises by count: "1 loop" vs "10 loops" — keep that visible only
    # when the counts match, which they do by construction of the cases.
    return text


def outputs(kc, setup, code):
    for s in setup:
        execute(kc, s)
    reply, iopub = execute(kc, code)
    lines = []
    # A kernel may split one print's text over several stream messages at any
    # point (ipykernel flushes on a timer): join consecutive chunks first.
    merged = []
    for m in iopub:
        t, c = m["msg_type"], m["content"]
        if t == "stream" and merged and merged[-1]["msg_type"] == "stream" \
                and merged[-1]["content"]["name"] == c["name"]:
            prev = merged[-1]["content"]
            merged[-1] = {"msg_type": "stream",
                          "content": {"name": c["name"], "text": prev["text"] + c["text"]}}
        else:
            merged.append(m)
    for m in merged:
        t, c = m["msg_type"], m["content"]
        if t == "stream":
            lines += [(c["name"], mask(l)) for l in c["text"].splitlines() if not l.startswith(NOISE)]
        elif t == "execute_result":
            lines += [("result", mask(l)) for l in c["data"]["text/plain"].splitlines()]
        elif t == "error":
            lines.append(("error", c["ename"], mask(c["evalue"]).split("\n")[0]))
    content = reply["content"]
    return content["status"], content.get("ename"), mask(content.get("evalue", "")), lines


@pytest.fixture(scope="module")
def kernels():
    started = {}
    for name in ("python3", "tessera"):
        started[name] = start_new_kernel(kernel_name=name, startup_timeout=60)
    yield {n: kc for n, (_, kc) in started.items()}
    for km, kc in started.values():
        kc.stop_channels()
        km.shutdown_kernel(now=True)


@pytest.mark.parametrize("case", sorted(CASES))
def test_magic_output_has_ipythons_shape(kernels, case):
    setup, code = CASES[case]
    # A fresh namespace per case on both sides.
    for kc in kernels.values():
        execute(kc, "%reset -f")
    ours = outputs(kernels["tessera"], setup, code)
    theirs = outputs(kernels["python3"], setup, code)
    assert ours == theirs
