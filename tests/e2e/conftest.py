"""Shared set-up for the Python end-to-end tests.

The kernelspec under test is installed (by `make e2e`, or here if missing) into
a private prefix, and JUPYTER_PATH points at it, so these tests never touch the
user's own Jupyter configuration.
"""
import os
import pathlib
import subprocess
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = pathlib.Path(os.environ.get("TESSERA_BIN", ROOT / "target" / "debug" / "tessera"))
PREFIX = pathlib.Path(os.environ.get("TESSERA_TEST_PREFIX", ROOT / "target" / "jupyter"))
DATA = PREFIX / "share" / "jupyter"

if not (DATA / "kernels" / "tessera" / "kernel.json").exists():
    subprocess.run([str(BIN), "install", "--prefix", str(PREFIX)], check=True)

os.environ["JUPYTER_PATH"] = str(DATA)
# Keep runtime/config files away from the user's home.
_tmp = tempfile.mkdtemp(prefix="tessera-e2e-")
os.environ.setdefault("JUPYTER_RUNTIME_DIR", os.path.join(_tmp, "runtime"))
os.environ.setdefault("JUPYTER_CONFIG_DIR", os.path.join(_tmp, "config"))
os.environ.setdefault("IPYTHONDIR", os.path.join(_tmp, "ipython"))
