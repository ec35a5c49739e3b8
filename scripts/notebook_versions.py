"""The notebooks under nbval on another CPython, as the main interpreter.

  python scripts/notebook_versions.py 3.14 [3.15 ...]

For each version: a venv of it in ``.venv-<minor>`` (made by ``make`` with that
interpreter, once; for Debian's 3.14 and 3.15 inside their sid root, through the
``in-root`` wrapper of scripts/debian_pythons.sh), then ``pytest --nbval`` over
notebooks/ with that venv's kernel, as ``make test`` does. The stored outputs
were made on the main interpreter, so a cell whose output depends on the
version may differ: it declares so with a tag ``version-dependent:KEY`` in its
metadata, where KEY is a key of ``labs.contract.versions.DIFFERENCES``, or
``banner`` (the first cell's version text, which names the version and what
applies to it). Where KEY applies, notebooks/conftest.py runs the cell without
comparing its output (the same rule in ``make test`` on any version); this
script lists those cells. Any other difference, and any cell that raises,
fails; a failing cell's diff is printed.

Exit status: 0 when no cell failed, 1 if one did, 2 for bad arguments or a
version it cannot find.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from labs.contract import versions

ROOT = Path(__file__).resolve().parent.parent

TAG = "version-dependent:"
ANY_VERSION = ("banner",)  # keys that apply on every version but the stored one's
NBVAL = ["-p", "tests.early", "-p", "no:cacheprovider", "--nbval", "--nbval-current-env",
         "--nbval-sanitize-with", "notebooks/sanitize.cfg"]


@dataclass
class CellResult:
    notebook: str
    cell: int           # nbval's number: the index among the notebook's code cells
    kind: str           # "differs" or "raises"
    declared: list      # the keys its version-dependent tags name
    allowed: bool
    why: str
    detail: str = ""    # for a cell that is not allowed: the lines of nbval's diff


@dataclass
class NotebookRun:
    version: str
    elapsed_s: float
    passed: int = 0
    cells: list = field(default_factory=list)  # CellResult of every failing cell
    not_compared: list = field(default_factory=list)  # CellResult of each declared cell run here
    error: str | None = None  # the run itself failed (venv, pytest collection)

    @property
    def ok(self) -> bool:
        return self.error is None and all(c.allowed for c in self.cells)


def declared(cell: dict) -> list[str]:
    """The keys a code cell's ``version-dependent:KEY`` tags name."""
    tags = cell.get("metadata", {}).get("tags", [])
    return [t[len(TAG):] for t in tags if isinstance(t, str) and t.startswith(TAG)]


def applying_keys(version: tuple) -> set[str]:
    build = versions.Build(tuple(version), False, True, "linux", True)
    return {d.key for d in versions.DIFFERENCES if d.applies_to(build)} | set(ANY_VERSION)


def not_compared(cell: dict, stored: str, version: tuple) -> list[str]:
    """The keys for which this cell's output is not compared on ``version``
    (the stored outputs were made on ``stored``): the declared differences
    that apply there, and ``banner`` on another minor version."""
    here = applying_keys(version)
    if versions.version_of(stored or "0")[:2] == tuple(version[:2]):
        here -= set(ANY_VERSION)
    return [k for k in declared(cell) if k in here]


def compared_here(cell: dict, stored: str, version: tuple) -> bool:
    """Does nbval compare this cell's output on ``version``? (notebooks/conftest.py)"""
    return not not_compared(cell, stored, version)


def judge(notebook: Path, cell_num: int, kind: str, version: tuple) -> CellResult:
    """Is this failing cell's difference one it declares for this version?"""
    nb = json.loads(notebook.read_text())
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    keys = declared(code[cell_num]) if cell_num < len(code) else []
    name = notebook.name
    if kind != "differs":
        return CellResult(name, cell_num, kind, keys, False, "the cell raised")
    unknown = [k for k in keys if k not in {d.key for d in versions.DIFFERENCES} | set(ANY_VERSION)]
    if unknown:
        return CellResult(name, cell_num, kind, keys, False,
                          f"declares {', '.join(unknown)}, not in labs.contract.versions.DIFFERENCES")
    here = applying_keys(version)
    good = [k for k in keys if k in here]
    if good:
        return CellResult(name, cell_num, kind, keys, True, f"declared: {', '.join(good)}")
    if keys:
        return CellResult(name, cell_num, kind, keys, False,
                          f"declares {', '.join(keys)}, which does not apply to "
                          f"{'.'.join(map(str, version))}")
    return CellResult(name, cell_num, kind, keys, False, "not declared version-dependent")


def diff_lines(text: str, limit: int = 8) -> str:
    """The changed lines of nbval's report ("- ..." / "+ ..."), colours removed."""
    plain = re.sub(r"\x1b\[[0-9;]*m", "", text)
    lines = [ln for ln in plain.splitlines() if re.match(r"\s*[-+] ", ln)]
    return "\n".join(lines[:limit])


def parse_junit(path: Path) -> tuple[int, list[tuple[str, int, str, str]]]:
    """(passed, [(notebook path, cell number, "differs" | "raises", diff)]) from pytest's XML."""
    failing, passed = [], 0
    for case in ET.parse(path).iter("testcase"):
        problem = case.find("failure")
        if problem is None:
            problem = case.find("error")
        if problem is None:
            passed += case.find("skipped") is None
            continue
        name = case.get("name", "")
        if not name.startswith("Cell "):
            failing.append((case.get("classname", "?"), -1, "raises", ""))
            continue
        text = (problem.get("message") or "") + (problem.text or "")
        kind = "differs" if "Cell outputs differ" in text else "raises"
        # classname "notebooks.00-why-not-kill-threads.ipynb" -> the file
        nb = case.get("classname", "").split(".", 1)[-1]
        failing.append((nb, int(name.split()[1]), kind, diff_lines(text)))
    return passed, failing


def venv_command(minor: str, python: str) -> tuple[list[str], str]:
    """(the prefix that runs a command where this interpreter runs, its PYTHON for make)."""
    wrapper = Path(python)
    if (wrapper.parent / "in-root").exists() and wrapper.name == f"python{minor}":
        return [str(wrapper.parent / "in-root")], f"python{minor}"
    return [], python


def run(minor: str, python: str, version: str, notebooks: list[Path] | None = None,
        progress=None) -> NotebookRun:
    """nbval over the notebooks with a venv of ``python`` (version ``version``)."""
    started = time.monotonic()
    prefix, make_python = venv_command(minor, python)
    venv = f".venv-{minor}"
    made = subprocess.run(prefix + ["make", "--no-print-directory", f"{venv}/.installed",
                                    f"VENV={venv}", f"PYTHON={make_python}"],
                          cwd=ROOT, capture_output=True, text=True)
    result = NotebookRun(version=version, elapsed_s=0.0)
    if made.returncode != 0:
        last = (made.stderr.strip() or made.stdout.strip() or "?").splitlines()[-1]
        result.error = f"could not make {venv}: {last}"
        return result
    targets = [str(p.relative_to(ROOT)) for p in (notebooks or sorted(ROOT.glob("notebooks/[0-9]*.ipynb")))]
    with tempfile.TemporaryDirectory(prefix="nbval-versions-") as tmp:
        xml = Path(tmp) / "nbval.xml"
        # Both cores, a notebook's cells together on one worker, as make test does.
        proc = subprocess.run(prefix + [f"{venv}/bin/python", "-m", "pytest", *NBVAL, "-q",
                                        "-n", "2", "--dist", "loadfile",
                                        f"--junitxml={xml}", *targets],
                              cwd=ROOT, capture_output=True, text=True)
        if not xml.exists():
            tail = (proc.stdout + proc.stderr).strip().splitlines()[-1:] or ["?"]
            result.error = f"pytest wrote no report (exit {proc.returncode}): {tail[0]}"
            return result
        result.passed, failing = parse_junit(xml)
    vt = versions.version_of(version)
    for nb, cell, kind, diff in failing:
        path = ROOT / "notebooks" / Path(nb).name
        if cell < 0 or not path.exists():
            result.cells.append(CellResult(nb, cell, kind, [], False, "collection failed"))
        else:
            result.cells.append(judge(path, cell, kind, vt))
        result.cells[-1].detail = diff
    result.not_compared = list(declared_cells(targets, vt))
    result.elapsed_s = time.monotonic() - started
    return result


def declared_cells(targets: list[str], version: tuple):
    """The cells notebooks/conftest.py runs without comparing on ``version``,
    as CellResults ("not compared")."""
    for target in targets:
        nb = json.loads((ROOT / target).read_text())
        stored = nb.get("metadata", {}).get("language_info", {}).get("version", "")
        code = [c for c in nb["cells"] if c["cell_type"] == "code"]
        for num, cell in enumerate(code):
            keys = not_compared(cell, stored, version)
            if keys:
                yield CellResult(Path(target).name, num, "not compared", keys, True,
                                 f"declared: {', '.join(keys)}")


def describe(r: NotebookRun) -> list[str]:
    head = (f"Python {r.version} notebooks under nbval: {r.passed} cells pass "
            f"({len(r.not_compared)} of them declared version-dependent here: run, not compared), "
            f"{len(r.cells)} fail, {r.elapsed_s:.0f} s")
    if r.error:
        return [f"Python {r.version} notebooks: ERROR: {r.error}"]
    lines = [head]
    for c in r.not_compared:
        lines.append(f"  not compared: {c.notebook} code cell {c.cell}: {c.why}")
    for c in r.cells:
        mark = "allowed" if c.allowed else "DIFFERS"
        lines.append(f"  {mark}: {c.notebook} code cell {c.cell} ({c.kind}): {c.why}")
        if not c.allowed and c.detail:  # what differed, so that a CI log says it
            lines += ["      " + ln for ln in c.detail.splitlines()]
    return lines


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("minor", nargs="+", help="a version of labs.contract.versions.SUPPORTED, e.g. 3.14")
    args = p.parse_args(argv)
    bad = [m for m in args.minor if m not in versions.SUPPORTED]
    if bad:
        print(f"notebook_versions: error: not a supported version: {', '.join(bad)} "
              f"(one of {', '.join(versions.SUPPORTED)})", file=sys.stderr)
        return 2
    import importlib.util  # scripts/versions.py finds pyenv's, then Debian's builds
    spec = importlib.util.spec_from_file_location("versions_script", ROOT / "scripts" / "versions.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    find = script.find
    failed = False
    for minor in args.minor:
        python, version = find(minor)
        if python is None:
            print(f"notebook_versions: error: {minor}: {version}", file=sys.stderr)
            return 2
        print(f"Python {version}: nbval over the notebooks ...", file=sys.stderr, flush=True)
        r = run(minor, python, version)
        print("\n".join(describe(r)))
        failed |= not r.ok
    return 1 if failed else 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
