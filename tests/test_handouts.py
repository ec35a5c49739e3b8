"""The handouts site, its browser check, the timing table and `make lab`."""
from __future__ import annotations

import json
import os
import selectors
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import build_handouts
import check_handouts
import nbformat
import pytest
import time_notebooks

from labs.sandbox import PROJECT_ROOT

NOTEBOOKS = build_handouts.notebooks()
CHROMIUM = shutil.which("chromium")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("handouts")
    build_handouts.build(out, out / "no-figures")
    return out


def test_one_page_per_notebook_titled_by_its_first_heading(site):
    index = (site / "index.html").read_text()
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        title = build_handouts.title_of(nb)
        page = (site / f"{path.stem}.html").read_text()
        assert f"<title>{title}</title>" in page.replace("&#39;", "'")
        assert f'href="{path.stem}.html"' in index


def test_pages_show_the_stored_figures_and_load_nothing_from_the_web(site):
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        figures = sum("image/png" in o.get("data", {}) for c in nb.cells
                      if c.cell_type == "code" for o in c.outputs)
        page = (site / f"{path.stem}.html").read_text()
        assert page.count('src="data:image/png;base64,') == figures, path.name
        assert "<script src=" not in page and 'href="http' not in page.split("<body")[0]


def test_links_between_notebooks_lead_to_pages(site):
    first = (site / f"{NOTEBOOKS[0].stem}.html").read_text()
    assert ".ipynb" not in "".join(part.split('"')[0] for part in first.split('href="')[1:])
    assert f'href="{NOTEBOOKS[1].stem}.html"' in first


def test_relative_links_are_rewritten_for_the_site(tmp_path):
    notebook = NOTEBOOKS[1].resolve()
    links = build_handouts.Links(tmp_path, {notebook: f"{NOTEBOOKS[1].stem}.html"})
    source = PROJECT_ROOT / "notebooks" / "x.ipynb"
    text = (f"[next]({NOTEBOOKS[1].name}#Why) [readme](../README.md) [web](https://x.org/a.ipynb) "
            f"[here](#Why) [gone](99-missing.ipynb) <a href=\"../pyproject.toml\">p</a>")
    out = links.rewrite(text, source, "00-x.html")
    assert f"[next]({NOTEBOOKS[1].stem}.html#Why)" in out
    assert "[readme](files/README.html)" in out and (tmp_path / "files/README.html").is_file()
    assert '<a href="files/pyproject.toml">' in out and (tmp_path / "files/pyproject.toml").is_file()
    assert "[web](https://x.org/a.ipynb)" in out and "[here](#Why)" in out
    assert "[gone](99-missing.ipynb)" in out  # left for the browser check to report


def test_exercises_are_counted_from_the_exercise_section():
    def count(markdown):
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(markdown)])
        return build_handouts.exercise_count(nb)
    assert count("# T\n## Exercise\n1. one\n2. two\n## Notes\n1. not one") == 2
    assert count("# T\n## Exercises\n### Exercise 1: a\n1. step\n### Exercise 2: b\n") == 2
    assert count("# T\n## Exercise\nWrite the fix.") == 1
    assert count("# T\n## Takeaways\n1. x") == 0


def test_index_run_times_come_from_the_guide_table():
    results = [{"name": "01-lock", "total": 5.2, "cells": 13, "slow": [(5, 3.04, "Run it")]},
               {"name": "06-kill-matrix", "total": 41.0, "cells": 15, "slow": []}]
    guide = f"{time_notebooks.START}\n{time_notebooks.table(results, 'a test')}\n{time_notebooks.END}"
    assert build_handouts.run_times(guide) == {"01-lock": "5 s", "06-kill-matrix": "41 s"}
    assert "In [5]: 3.0 s, Run it" in guide


def test_timing_never_writes_the_notebook(tmp_path, monkeypatch):
    """It runs a copy in memory: the tracked file stays byte for byte."""
    path = tmp_path / "00-tiny.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# Tiny\n## Wait"),
        nbformat.v4.new_code_cell("import time; time.sleep(3.1)")]), path)
    before = path.read_bytes()
    result = time_notebooks.time_notebook(path)
    assert path.read_bytes() == before
    assert result["cells"] == 1 and result["slow"][0][0] == 1 and result["slow"][0][2] == "Wait"
    assert 3.1 <= result["slow"][0][1] < 10


# ------------------------------------------------------------ the browser check

BROKEN_SITE = {
    "index.html": '<a href="good.html">good</a> <a href="nowhere.html">x</a> '
                  '<a href="good.html#missing-anchor">y</a> <a href="good.html#here">z</a>',
    "good.html": '<h1 id="here">fine</h1><pre>short code</pre>',
    "console.html": "<script>console.error('boom')</script><p>text</p>",
    "image.html": '<p>a figure:</p><img src="figures/absent.png">',
    "wide.html": '<div style="width: 2000px">wide</div>',
    "print.html": '<pre style="white-space: pre; overflow: auto">' + "x = 1  # " + "long " * 60 + "</pre>",
}


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (make check-handouts installs it)")
def test_browser_check_reports_each_kind_of_failure(tmp_path, capsys):
    for name, body in BROKEN_SITE.items():
        (tmp_path / name).write_text(f"<!DOCTYPE html><html><head><title>{name}</title></head>"
                                     f"<body>{body}</body></html>")
    assert check_handouts.check(tmp_path, CHROMIUM) == 1
    report = capsys.readouterr().out
    assert "index.html: broken link: nowhere.html" in report
    assert "index.html: broken link: good.html#missing-anchor" in report
    assert "good.html#here" not in report
    assert "console.html: console error: boom" in report
    assert "image.html: figure not displayed" in report
    assert "image.html: HTTP 404" in report
    assert "wide.html: " in report and "wider than a 1280 px window" in report
    assert "print.html: cut off when printed: pre" in report
    assert "ok   good.html" in report and "FAIL" not in report.split("good.html")[1].split("\n")[0]
    assert (tmp_path / "screenshot-index.png").read_bytes()[:4] == b"\x89PNG"


# ------------------------------------------------------------ make lab

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def read_until_url(proc, limit_s=90) -> str:
    """HOST:PORT/lab?token=... from the URL JupyterLab prints."""
    seen = ""
    with selectors.DefaultSelector() as sel:
        sel.register(proc.stdout, selectors.EVENT_READ)
        deadline = time.monotonic() + limit_s
        while time.monotonic() < deadline:
            if sel.select(deadline - time.monotonic()):
                line = proc.stdout.readline()
                if not line:
                    break
                seen += line
                if "/lab?token=" in line:  # printed once it listens
                    return line.split("http://", 1)[1].split()[0]
    raise AssertionError(f"no URL with a token:\n{seen[-2000:]}")


def ask(request, limit_s=30):
    """The URL is printed a moment before the server accepts connections."""
    deadline = time.monotonic() + limit_s
    while True:
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                return json.load(answer)
        except urllib.error.URLError as error:
            if not isinstance(error.reason, ConnectionRefusedError) or time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_lab_serves_learner_copies_without_a_browser(tmp_path):
    """As the README says: no browser opened, the URL printed, --allow-root as
    root, the learners' copies served; stopped, it leaves nothing running."""
    port = free_port()
    venv = Path(sys.prefix)
    proc = subprocess.Popen(
        ["make", "--no-print-directory", "-o", str(venv / ".installed"), "lab", f"VENV={venv}",
         f"LAB_PORT={port}", f"LAB_DIR={tmp_path}"],
        cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        stdin=subprocess.DEVNULL, env={**os.environ, "BROWSER": "false"},
        start_new_session=True)
    try:
        url = read_until_url(proc)
        assert url.startswith(f"127.0.0.1:{port}/lab?token="), url
        token = url.split("token=")[1]
        request = urllib.request.Request(f"http://127.0.0.1:{port}/api/contents",
                                         headers={"Authorization": f"token {token}"})
        served = {item["name"] for item in ask(request)["content"]}
        assert served == {p.name for p in NOTEBOOKS}
        assert {p.name for p in tmp_path.glob("*.ipynb")} == served
    finally:
        os.killpg(proc.pid, signal.SIGTERM)  # JupyterLab shuts its kernels down on SIGTERM
        proc.wait(timeout=30)
        proc.stdout.close()
    time.sleep(0.5)
    with pytest.raises(ProcessLookupError):
        os.killpg(proc.pid, 0)


# ------------------------------------------------ the notebooks in JupyterLab

@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (make chromium)")
def test_check_lab_passes_a_tidy_notebook_and_names_each_problem(tmp_path):
    """A notebook with a wrapped line, a stderr output and a shrunk figure
    fails with one line for each; a tidy one passes; a screenshot each."""
    import base64
    import io

    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    def png(width_in):
        fig = plt.figure(figsize=(width_in, 1))
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=100)
        plt.close(fig)
        return base64.b64encode(buffer.getvalue()).decode()

    def notebook(name, outputs, stored=True):
        stored = nbformat.read(NOTEBOOKS[0], 4).metadata if stored else {}
        nb = nbformat.v4.new_notebook(metadata=stored)
        nb.cells = [nbformat.v4.new_markdown_cell("# A title"),
                    nbformat.v4.new_code_cell("x = 1", outputs=outputs)]
        path = tmp_path / name
        nbformat.write(nb, path)
        return path

    out = nbformat.v4.new_output
    tidy = notebook("tidy.ipynb", [out("stream", name="stdout", text="short line\n"),
                                   out("display_data", data={"image/png": png(8.8)})])
    messy = notebook("messy.ipynb", [out("stream", name="stdout", text="word " * 60 + "\n"),
                                     out("stream", name="stderr", text="a warning\n"),
                                     out("display_data", data={"image/png": png(16)})])
    bare = notebook("bare.ipynb", [], stored=False)  # no kernelspec: JupyterLab adds one
    shots = tmp_path / "shots"
    status = subprocess.run([sys.executable, "scripts/check_lab.py", "--out", str(shots),
                             str(tidy), str(messy), str(bare)], cwd=PROJECT_ROOT,
                            capture_output=True,
                            text=True, timeout=240)
    lines = status.stdout.splitlines()
    assert status.returncode == 1, status.stdout + status.stderr
    assert any(line.startswith("ok   tidy.ipynb") for line in lines), lines
    problems = [line for line in lines if line.startswith("  messy.ipynb")]
    assert any("text wider than its output area (300 characters)" in p for p in problems), lines
    assert any("stderr output: a warning" in p for p in problems), lines
    assert any("a figure shown at" in p and "of its 1600 px" in p for p in problems), lines
    assert len(problems) == 3, problems
    assert any(line.startswith("  bare.ipynb: opening it marks it unsaved") for line in lines)
    assert {p.name for p in shots.glob("*.png")} >= {"tidy.png", "messy.png", "tidy-figure.png"}


def test_build_never_deletes_a_folder_it_did_not_build(tmp_path, site):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "thesis.tex").write_text("years of work")
    assert build_handouts.main(["--out", str(mine)]) == 2
    assert (mine / "thesis.tex").read_text() == "years of work"
    # its own (the fixture's, built as this module's first test needed it): rebuilt,
    # with the fixture's figures (none), so that it stays what the other tests read
    assert build_handouts.main(["--out", str(site), "--figures", str(site / "no-figures")]) == 0
    assert (site / build_handouts.MADE_HERE).is_file()
