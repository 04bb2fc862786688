#!/usr/bin/env python3
"""Run every dialect fixture under real CPython and compare with its expected block.

Usage:  python3 tests/cpython_check.py           # check (exit 1 on mismatch)
        python3 tests/cpython_check.py --bless   # (re)write expected blocks from CPython
        python3 tests/cpython_check.py --arrays  # only the fixtures that import numpy/dask,
                                                 # under a python with real NumPy and Dask
        python3 tests/cpython_check.py FILE...   # only these fixtures

The fixture format is documented at the top of tests/cells.rs. Fixtures marked
`# tessera-only` are always skipped; fixtures importing array libraries (numpy,
dask, zarr, h5py) run only with --arrays, so their expected output is NumPy's own.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CELLS = os.path.join(HERE, "cells")
MARK = "# Expected:"
SKIP_IMPORTS = ("numpy", "dask", "zarr", "h5py")

# Runs inside a fresh python3: executes the cells like a notebook and prints the
# same transcript the Rust harness builds.
DRIVER = r'''
import ast, sys, builtins, uuid
class _Handle:
    def __init__(self, i): self.display_id = i
    def update(self, obj): print("[update] " + repr(obj))
    def display(self, obj): print("[display] " + repr(obj))
def display(*objs, display_id=None, **kw):
    for o in objs:
        print("[display] " + repr(o))
    if display_id:
        return _Handle(display_id)
def clear_output(wait=False):
    print("[clear wait=%s]" % bool(wait))
builtins.display = display
import types
ipd = types.ModuleType("IPython.display"); ipd.display = display; ipd.clear_output = clear_output
ip = types.ModuleType("IPython"); ip.display = ipd
sys.modules["IPython"] = ip; sys.modules["IPython.display"] = ipd
try:  # dask.bag defaults to processes; the fixtures only need the values
    import dask; dask.config.set(scheduler="sync")
except ImportError:
    pass
src = open(sys.argv[1]).read().split("\n# Expected:")[0]
cells = src.split("\n# %%\n")
g = {"__name__": "__main__", "__builtins__": builtins}
for n, cell in enumerate(cells, 1):
    tree = ast.parse(cell)
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = ast.Expression(tree.body.pop().value)
    exec(compile(tree, "<cell %d>" % n, "exec"), g)
    if last is not None:
        v = eval(compile(last, "<cell %d>" % n, "eval"), g)
        if v is not None:
            print("Out: " + repr(v))
    sys.stdout.flush()
'''


def transcript(path):
    p = subprocess.run(
        [sys.executable, "-c", DRIVER, path],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    out = p.stdout
    if p.returncode != 0:
        lines = [l for l in p.stderr.rstrip("\n").split("\n") if l.strip()]
        last = lines[-1] if lines else "?"
        if out and not out.endswith("\n"):
            out += "\n"
        out += "!! " + last + "\n"
    return out


def split(path):
    text = open(path).read()
    if MARK in text:
        code, exp = text.split("\n" + MARK, 1)
        lines = exp.split("\n")[1:]
        if lines and lines[-1] == "":
            lines.pop()
        expected = "".join((l[2:] if l.startswith("# ") else "") + "\n" for l in lines)
        return code, expected
    return text.rstrip("\n"), None


def uses_arrays(code):
    return any(f"import {m}" in code or f"from {m}" in code for m in SKIP_IMPORTS)


def skipped(code, arrays):
    if "# tessera-only" in code:
        return True
    return uses_arrays(code) != arrays


def main(argv):
    bless = "--bless" in argv
    arrays = "--arrays" in argv
    files = [a for a in argv if not a.startswith("--")]
    if not files:
        files = sorted(os.path.join(CELLS, f) for f in os.listdir(CELLS) if f.endswith(".py"))
    bad = 0
    checked = 0
    for f in files:
        code, expected = split(f)
        if skipped(code, arrays):
            continue
        checked += 1
        got = transcript(f)
        if bless:
            block = "".join(("# " + l if l else "#") + "\n" for l in got.rstrip("\n").split("\n")) if got else ""
            with open(f, "w") as fh:
                fh.write(code.rstrip("\n") + "\n" + MARK + "\n" + block)
        elif got != expected:
            bad += 1
            print(f"MISMATCH {os.path.basename(f)}\n--- expected\n{expected}--- cpython\n{got}")
    what = "array fixtures checked under NumPy/Dask" if arrays else "fixtures checked under CPython"
    print(f"{checked} {what}, {bad} mismatches")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
