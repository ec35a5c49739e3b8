"""Check the notebooks as a learner sees them: JupyterLab in headless Chromium.

  python scripts/check_lab.py [--out build/lab-check] [--chromium PATH] [NOTEBOOK ...]

Starts JupyterLab (as `make lab` does) on copies of the notebooks in a
temporary folder, with its own settings and workspaces (yours are not
touched), and opens each notebook in a 1400 x 1000 window, JupyterLab's
default layout, the file browser open. A notebook fails when it shows an
error or stderr output, text wider than its output area (a line that wraps
or a table that runs past it), or a figure shown below 70 % of its size.
Writes a screenshot per notebook to --out, for a human look.

What it looks at are the stored outputs: `make test` runs every notebook
under nbval and fails when a run does not reproduce them, so the browser
does not run the cells a second time. Exit status 0 when every notebook
passes, 1 with one line per problem, 2 when it cannot run.
"""
from __future__ import annotations

import argparse
import base64
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from browser import Browser, console_errors  # a sibling script: scripts/ is on sys.path

ROOT = Path(__file__).resolve().parent.parent
WIDTH, HEIGHT = 1400, 1000
SMALLEST_SHOWN = 0.7  # a figure shown below 70 % of its size is unreadable
START_TIMEOUT_S = 60
RENDER_TIMEOUT_S = 60

# Every cell in the DOM (no windowing), the file browser open: what the checks read.
SETTINGS = {
    "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false"},  # no pop-up
}

# Run in the page once the notebook has rendered: what the checks need, as JSON.
INSPECT = """(() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  if (!panel) return JSON.stringify({ready: false});
  const cells = panel.querySelectorAll('.jp-Cell');
  const pending = panel.querySelectorAll('.jp-OutputArea-output img:not([src])').length;
  const browser = document.querySelector('.jp-FileBrowser');
  const outputs = [...panel.querySelectorAll('.jp-OutputArea-output')];
  const label = (e) => {
    const cell = e.closest('.jp-Cell');
    const n = [...cells].indexOf(cell) + 1;
    return 'cell ' + n;
  };
  const problems = [];
  for (const out of outputs) {
    const mime = out.getAttribute('data-mime-type') || '';
    if (mime.includes('stderr') || mime.includes('error'))
      problems.push(label(out) + ': ' + (mime.includes('error') ? 'an error' : 'stderr')
                    + ' output: ' + out.innerText.trim().split('\\n')[0].slice(0, 80));
    const room = out.clientWidth;
    for (const pre of out.querySelectorAll('pre')) {
      const style = getComputedStyle(pre);
      const line = parseFloat(style.lineHeight) || 1.2 * parseFloat(style.fontSize);
      const text = pre.textContent.replace(/\\n$/, '');
      const lines = text.split('\\n').length;
      const height = pre.getBoundingClientRect().height
                     - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      if (pre.scrollWidth > pre.clientWidth + 1 || height > (lines + 0.5) * line) {
        const widest = text.split('\\n').reduce((a, b) => (b.length > a.length ? b : a), '');
        problems.push(label(out) + ': text wider than its output area ('
                      + widest.length + ' characters): ' + widest.trim().slice(0, 60));
      }
    }
    for (const table of out.querySelectorAll('table'))
      if (table.getBoundingClientRect().right > out.getBoundingClientRect().right + 1)
        problems.push(label(out) + ': a table wider than its output area');
    for (const img of out.querySelectorAll('img')) {
      const shown = img.getBoundingClientRect().width;
      if (img.naturalWidth && shown < 0.7 * img.naturalWidth)
        problems.push(label(out) + ': a figure shown at ' + Math.round(100 * shown / img.naturalWidth)
                      + ' % of its ' + img.naturalWidth + ' px');
    }
  }
  const dirty = !!document.querySelector('.lm-DockPanel-tabBar .lm-TabBar-tab.jp-mod-dirty');
  return JSON.stringify({ready: true, cells: cells.length, pending: pending, dirty: dirty,
                         outputs: outputs.length, area: outputs.length ? outputs[0].clientWidth : 0,
                         files: !!browser && browser.getBoundingClientRect().width > 0,
                         problems: problems});
})()"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Lab:
    """JupyterLab on copies of the notebooks, with settings and workspaces of
    its own, in a process group of its own: closed as one."""

    def __init__(self, notebooks: list[Path]):
        self.home = Path(tempfile.mkdtemp(prefix="check-lab-"))
        root = self.home / "notebooks"
        root.mkdir()
        for nb in notebooks:
            shutil.copy(nb, root / nb.name)
        settings = self.home / "settings"
        for plugin, values in SETTINGS.items():
            package, name = plugin.split(":")
            path = settings / package / f"{name}.jupyterlab-settings"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values))
        self.port, self.token = free_port(), secrets.token_hex(16)
        env = dict(os.environ, JUPYTERLAB_SETTINGS_DIR=str(settings),
                   JUPYTERLAB_WORKSPACES_DIR=str(self.home / "workspaces"),
                   JUPYTER_CONFIG_DIR=str(self.home / "config"),
                   JUPYTER_RUNTIME_DIR=str(self.home / "runtime"))
        command = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1",
                   f"--port={self.port}", f"--IdentityProvider.token={self.token}",
                   f"--ServerApp.root_dir={root}", "--ServerApp.port_retries=0"]
        if os.geteuid() == 0:
            command.append("--allow-root")
        self.log = open(self.home / "jupyter.log", "w")
        self.process = subprocess.Popen(command, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        self._wait_until_up()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}?reset&token={self.token}"

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        status = f"http://127.0.0.1:{self.port}/api/status?token={self.token}"
        while True:
            if self.process.poll() is not None:
                raise RuntimeError("JupyterLab exited: " + self.tail())
            try:
                with urllib.request.urlopen(status, timeout=2):
                    return
            except (urllib.error.URLError, OSError):
                if time.monotonic() > deadline:
                    raise RuntimeError(f"JupyterLab did not answer within {START_TIMEOUT_S} s")
                time.sleep(0.2)

    def tail(self) -> str:
        self.log.flush()
        lines = (self.home / "jupyter.log").read_text().strip().splitlines()
        return lines[-1] if lines else "(no output)"

    def close(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            pass
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait()
        self.log.close()
        shutil.rmtree(self.home, ignore_errors=True)


def open_notebook(browser: Browser, url: str, cells: int) -> dict:
    """Navigate to the notebook; wait until every cell and figure is in the page."""
    browser.send("Page.navigate", url="about:blank")  # the last notebook's events end here
    browser.wait_for("Page.loadEventFired")
    browser.events.clear()
    browser.send("Page.navigate", url=url)
    deadline = time.monotonic() + RENDER_TIMEOUT_S
    while True:
        page = browser.evaluate(INSPECT)
        if page["ready"] and page["cells"] == cells and not page["pending"]:
            time.sleep(0.5)  # one more look: the layout settles after the last cell
            return browser.evaluate(INSPECT)
        if time.monotonic() > deadline:
            raise TimeoutError(f"the notebook did not render within {RENDER_TIMEOUT_S} s "
                               f"({page.get('cells', 0)} of {cells} cells)")
        time.sleep(0.25)


def screenshots(browser: Browser, stem: Path) -> None:
    """The notebook's top, and the stretch around its first figure, if any."""
    shot = browser.send("Page.captureScreenshot", format="png")
    stem.with_name(stem.name + ".png").write_bytes(base64.b64decode(shot["data"]))
    if browser.evaluate("JSON.stringify((() => { const i = document.querySelector("
                        "'.jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output img');"
                        " if (i) i.scrollIntoView({block: 'center'}); return !!i; })())"):
        time.sleep(0.3)  # the scroll's repaint
        shot = browser.send("Page.captureScreenshot", format="png")
        stem.with_name(stem.name + "-figure.png").write_bytes(base64.b64decode(shot["data"]))


def check(notebooks: list[Path], out: Path, binary: str) -> int:
    out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    lab = Lab(notebooks)
    browser = Browser(binary, WIDTH, HEIGHT)
    failed = 0
    try:
        browser.send("Emulation.setDeviceMetricsOverride", width=WIDTH, height=HEIGHT,
                     deviceScaleFactor=1, mobile=False)
        for nb in notebooks:
            cells = len(json.loads(nb.read_text())["cells"])
            try:
                page = open_notebook(browser, lab.url(f"lab/tree/{nb.name}"), cells)
                problems = list(page["problems"])
                if page["dirty"]:
                    problems.append("opening it marks it unsaved: JupyterLab rewrites what "
                                    "is stored (its kernelspec or metadata)")
                if not page["files"]:
                    problems.append("the file browser is not open: not JupyterLab's default layout")
            except TimeoutError as e:
                page, problems = {}, [str(e)]
            problems += console_errors(browser.events)[:3]
            screenshots(browser, out / nb.stem)
            failed += bool(problems)
            print(f"{'ok  ' if not problems else 'FAIL'} {nb.name} ({page.get('cells', 0)} cells, "
                  f"{page.get('outputs', 0)} outputs, output area {page.get('area', 0)} px)",
                  flush=True)
            for p in problems:
                print(f"  {nb.name}: {p}")
    finally:
        browser.close()
        lab.close()
    print(f"{len(notebooks) - failed} passed, {failed} failed: notebooks in JupyterLab in "
          f"headless Chromium, {WIDTH} x {HEIGHT} ({time.monotonic() - started:.0f} s); "
          f"screenshots: {out}/*.png")
    return 1 if failed else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path,
                        help="notebooks to check (default: notebooks/*.ipynb)")
    parser.add_argument("--out", default=ROOT / "build" / "lab-check", type=Path,
                        help="where the screenshots go (default: build/lab-check)")
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "chromium"),
                        help="the browser binary (default: chromium on PATH, or $CHROMIUM)")
    args = parser.parse_args(argv)
    binary = shutil.which(args.chromium)
    if binary is None:
        print(f"check_lab: error: no {args.chromium} on PATH: "
              "install Debian's chromium (apt-get install chromium)", file=sys.stderr)
        return 2
    notebooks = args.notebooks or sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))
    missing = [str(p) for p in notebooks if not p.is_file() or p.suffix != ".ipynb"]
    if missing:
        print(f"check_lab: error: not a notebook: {', '.join(missing)}", file=sys.stderr)
        return 2
    try:
        return check([p.resolve() for p in notebooks], args.out, binary)
    except RuntimeError as e:
        print(f"check_lab: error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
