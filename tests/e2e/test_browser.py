"""JupyterLab in a real headless browser (Debian's chromium driven by Playwright):
the launcher offers Tessera with its logo, a notebook on the Tessera kernel runs
`1 + 1` and shows `2`. Screenshots land in target/ for a human look."""
import json
import os
import pathlib
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from playwright.sync_api import sync_playwright

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHOTS = ROOT / "target"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
KERNEL_READY = """() => {
  const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
  return !!k && k.connectionStatus === 'connected' && k.status === 'idle';
}"""


TUTORIALS = ["02-arrays.ipynb", "04-schedulers-and-chunk-sizes.ipynb"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    root = tmp_path_factory.mktemp("lab")
    nb = {
        "cells": [{"cell_type": "code", "execution_count": None, "metadata": {},
                   "outputs": [], "source": ""}],
        "metadata": {"kernelspec": {"name": "tessera", "display_name": "Tessera",
                                    "language": "tessera"}},
        "nbformat": 4, "nbformat_minor": 5,
    }
    (root / "smoke.ipynb").write_text(json.dumps(nb))
    (root / "displays.ipynb").write_text(json.dumps(nb))
    # Tutorial notebooks, as a user finds them after a fresh checkout, minus the
    # saved outputs: everything on screen after "Run All Cells" comes from this run.
    for name in TUTORIALS:
        tut = json.loads((ROOT / "notebooks" / name).read_text())
        for cell in tut["cells"]:
            if cell["cell_type"] == "code":
                cell["outputs"], cell["execution_count"] = [], None
        (root / name).write_text(json.dumps(tut))
    env = dict(os.environ)
    env["JUPYTER_CONFIG_DIR"] = str(tmp_path_factory.mktemp("config"))
    env["JUPYTER_RUNTIME_DIR"] = str(tmp_path_factory.mktemp("runtime"))
    bindir = pathlib.Path(sys.executable).parent
    subprocess.run([str(bindir / "jupyter"), "labextension", "disable",
                    "@jupyterlab/apputils-extension:announcements"],
                   env=env, check=True, capture_output=True)
    port, token = free_port(), secrets.token_hex(16)
    args = [str(bindir / "jupyter"), "lab", "--no-browser", "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
            "--LabApp.expose_app_in_browser=True"]
    if os.geteuid() == 0:
        args.append("--allow-root")
    logfile = tmp_path_factory.mktemp("log") / "server.log"
    log = open(logfile, "w")
    proc = subprocess.Popen(args, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=1)
            break
        except Exception:
            if time.time() > deadline or proc.poll() is not None:
                proc.kill()
                raise RuntimeError(logfile.read_text())
            time.sleep(0.2)
    yield url, token
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    chromium = shutil.which("chromium")
    assert chromium, "Debian's chromium is required (apt-get install chromium)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_FLAGS)
        yield b
        b.close()


def test_launcher_offers_tessera_with_its_logo(lab, browser):
    url, token = lab
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(f"{url}/lab?token={token}")
    card = page.locator(".jp-LauncherCard[title*='Tessera']").first
    card.wait_for(timeout=60000)
    logo = card.locator("img")
    assert "kernelspecs/tessera/logo" in (logo.first.get_attribute("src") or "")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "browser-launcher.png"))
    page.close()


def test_notebook_on_tessera_runs_a_cell(lab, browser):
    url, token = lab
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(f"{url}/lab/tree/smoke.ipynb?token={token}")
    page.wait_for_function(KERNEL_READY, timeout=60000)
    page.click(".jp-Cell .cm-content")
    page.keyboard.type("1 + 1")
    page.keyboard.press("Shift+Enter")
    page.wait_for_selector(".jp-OutputArea-output:has-text('2')", timeout=30000)
    prompt = page.locator(".jp-InputPrompt").first.inner_text()
    assert "[1]" in prompt
    page.wait_for_selector(".jp-StatusBar-TextItem:has-text('Tessera')", timeout=10000)
    # The rest of the first-use story: a variable, a print, and an error.
    for code in ["x = 1 + 2", "x * 10", 'print("hello, world")', "undefined_name"]:
        page.keyboard.type(code)
        page.keyboard.press("Shift+Enter")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "browser-notebook.png"))
    page.wait_for_selector(".jp-OutputArea-output:has-text('30')", timeout=30000)
    page.wait_for_selector(".jp-OutputArea-output:has-text('hello, world')", timeout=30000)
    err = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    err.first.wait_for(timeout=30000)
    assert "NameError" in err.first.inner_text()
    assert "undefined_name" in err.first.inner_text()
    # A lazy array renders as Dask's table plus the chunk schematic (inline SVG).
    page.keyboard.type("import dask.array as da")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("da.ones((1000, 2000), chunks=(250, 500))")
    page.keyboard.press("Shift+Enter")
    table = page.locator(".jp-RenderedHTMLCommon table:has-text('16 chunks in 1 graph layer')")
    table.first.wait_for(timeout=30000)
    svg = page.locator(".jp-RenderedHTMLCommon svg line")
    assert svg.count() > 0
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "browser-notebook.png"))
    page.close()


def run_cells(page, cells):
    for code in cells:
        page.keyboard.type(code)
        page.keyboard.press("Shift+Enter")


def test_displays_render_graph_progress_and_figure(lab, browser):
    """A task graph, a live progress bar and a figure, as a user sees them."""
    url, token = lab
    page = browser.new_page(viewport={"width": 1280, "height": 1600})
    # Its own workspace, so the tab left open by the other test is not restored beside it.
    page.goto(f"{url}/lab/workspaces/displays/tree/displays.ipynb?token={token}")
    page.wait_for_function(KERNEL_READY, timeout=60000)
    try:
        page.click(".jp-NotebookPanel:visible .jp-Cell .cm-content")
        run_cells(page, [
            "import time",
            "import dask",
            "import numpy as np",
            "import dask.array as da",
            "from dask import delayed",
            "x = da.ones((400, 400), chunks=200)",
            "(x + x.T).sum().visualize(rankdir='LR')",
        ])
        # JupyterLab shows image/svg+xml as an image; the SVG's own elements are not in the DOM.
        svgs = page.locator(".jp-NotebookPanel:visible .jp-RenderedSVG")
        svgs.first.wait_for(timeout=30000)
        assert svgs.first.locator("img").get_attribute("src").startswith("data:image/svg+xml")
        run_cells(page, ["dask.compute(*[delayed(time.sleep)(0.4) for _ in range(6)], num_workers=2)"])
        bar = page.locator(".jp-NotebookPanel:visible .tessera-progress:has-text('100%')")
        bar.first.wait_for(timeout=30000)
        assert "tasks" in bar.first.inner_text()
        run_cells(page, [
            "import matplotlib.pyplot as plt",
            "plt.figure(figsize=(4, 3)); plt.imshow(np.random.random((40, 60)), cmap='viridis'); plt.colorbar(); plt.title('random')",
        ])
        page.wait_for_function(
            "() => [...document.querySelectorAll('.jp-RenderedSVG')].filter(e => e.offsetParent).length >= 2",
            timeout=30000)
        figure = svgs.last.locator("img").get_attribute("src")
        assert "image%2Fpng%3Bbase64" in figure or "image/png;base64" in figure
    finally:
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / "browser-displays.png"), full_page=True)
        page.close()


RUN_STATE = """() => {
  const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  if (!w || !w.content || !w.sessionContext.session) { return null; }
  const cells = w.content.widgets.filter(c => c.model.type === 'code');
  return {
    kernel: w.sessionContext.session.kernel.status,
    cells: cells.map(c => ({
      count: c.model.executionCount,
      outputs: c.model.outputs.toJSON().map(o => o.output_type),
      errors: c.model.outputs.toJSON().filter(o => o.output_type === 'error')
                .map(o => o.ename + ': ' + o.evalue),
    })),
  };
}"""


@pytest.mark.parametrize("name", TUTORIALS)
def test_tutorial_notebook_runs_all_cells(lab, browser, name):
    """A tutorial notebook opened in JupyterLab, Run > Run All Cells: every cell
    runs, none shows an error, and the arrays, graphs and plots render."""
    url, token = lab
    stem = name[:-len(".ipynb")]
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(f"{url}/lab/workspaces/{stem}/tree/{name}?token={token}")
    page.wait_for_function(KERNEL_READY, timeout=60000)
    shot = SHOTS / "screenshots" / f"{stem}.png"
    try:
        page.click(".jp-NotebookPanel:visible .jp-Cell .jp-InputArea")
        # The menu, as a user would: Run > Run All Cells.
        page.click(".lm-MenuBar-item:has-text('Run')")
        page.click(".lm-Menu-item[data-command='runmenu:run-all']")
        # Done when every code cell has its execution count and the kernel is idle
        # (or a cell failed: Run All stops there, and the assertions below say why).
        page.wait_for_function(
            f"""() => {{
                const s = ({RUN_STATE})();
                return !!s && s.cells.length > 0 && (
                    s.cells.some(c => c.errors.length > 0) ||
                    (s.kernel === 'idle' && s.cells.every(c => c.count !== null)));
            }}""", timeout=240000)
        state = page.evaluate(RUN_STATE)
        errors = [e for c in state["cells"] for e in c["errors"]]
        assert errors == []
        counts = [c["count"] for c in state["cells"]]
        assert counts == list(range(1, len(counts) + 1)), counts
        # Errors render as stderr-typed outputs; the only stderr allowed is
        # Tessera's one-line note about scheduler='processes' (notebook 04).
        stderr = page.locator(".jp-NotebookPanel:visible .jp-OutputArea-output"
                              "[data-mime-type='application/vnd.jupyter.stderr']")
        for i in range(stderr.count()):
            text = stderr.nth(i).text_content()
            assert "Traceback" not in text and "Error" not in text, text
            assert text.startswith("Note: Tessera runs scheduler='processes' on threads"), text
        panel = ".jp-NotebookPanel:visible "
        # Lazy arrays render as Dask's table beside the chunk picture (inline SVG) ...
        assert page.locator(panel + ".jp-RenderedHTMLCommon table:has-text('Chunk')").count() >= 2
        assert page.locator(panel + ".jp-RenderedHTMLCommon svg line").count() > 0
        # ... and the task graph (02) as an SVG image; the chunk-size curve and the
        # task stream (04) come as HTML with inline SVG, which JupyterLab prefers.
        if stem.startswith("02"):
            assert page.locator(panel + ".jp-RenderedSVG img").count() >= 1
        else:
            assert page.locator(panel + ".jp-RenderedHTMLCommon svg").count() >= 3
            assert page.locator(panel + ".jp-OutputArea-output:has-text('Fastest: c = ')").count() == 1
    finally:
        # Grow the window to the whole notebook so that one screenshot shows every cell.
        height = page.evaluate("""() => {
            const inner = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-inner')
                || document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook');
            return inner ? inner.scrollHeight : 1000;
        }""")
        page.set_viewport_size({"width": 1280, "height": min(16000, max(1000, height + 200))})
        page.evaluate("""() => document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer')
            .forEach(e => { e.scrollTop = 0; })""")
        page.wait_for_timeout(1000)
        shot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shot), full_page=True)
        page.close()
