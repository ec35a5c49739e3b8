"""Time every notebook top to bottom and write the table into INSTRUCTORS.md.

  python scripts/time_notebooks.py              # every notebook; rewrites the table
  python scripts/time_notebooks.py notebooks/02-lost-task.ipynb   # prints only

Each notebook runs in a fresh kernel on a copy held in memory: the tracked
.ipynb is only read, never written. The table (between the markers
<!-- timings:start --> and <!-- timings:end --> in INSTRUCTORS.md) gives the
time top to bottom (kernel start included), and every cell that takes
SLOW_S or more, by its prompt number (In [n] after Run All) and the section
it is in. The machine is named above the table: times scale with it.
`make handouts` reads the run times from this table.
"""
from __future__ import annotations

import datetime
import os
import platform
import re
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "INSTRUCTORS.md"
START, END = "<!-- timings:start -->", "<!-- timings:end -->"
SLOW_S = 1.5  # a cell this long is a wait worth naming (the shortest deadline is 2 s)


def seconds(cell) -> float:
    """A cell's run time, from the timestamps nbclient records."""
    stamps = cell.metadata.get("execution", {})
    start, end = stamps.get("iopub.execute_input"), stamps.get("shell.execute_reply")
    if not (start and end):
        return 0.0
    def parse(s):
        return datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
    return (parse(end) - parse(start)).total_seconds()


def time_notebook(path: Path) -> dict:
    nb = nbformat.read(path, as_version=4)  # the copy that runs; the file is not written
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    started = time.monotonic()
    client.execute()
    total = time.monotonic() - started
    slow, section, prompt = [], "", 0
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            headings = re.findall(r"^#+\s+(.+)$", cell.source, re.M)
            section = headings[-1].strip() if headings else section  # the nearest above
        elif cell.source.strip():
            prompt += 1
            took = seconds(cell)
            if took >= SLOW_S:
                slow.append((prompt, took, section))
    return {"name": path.stem, "total": total, "cells": prompt, "slow": slow}


def machine() -> str:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        found = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.M)
        model = found.group(1).strip() if found else ""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores"
            f"{f' ({model})' if model else ''}, Python {platform.python_version()}, "
            f"load average {load:.1f} when it started")


def table(results: list[dict], measured_on: str) -> str:
    lines = [f"Measured by `python scripts/time_notebooks.py` on {datetime.date.today()}: "
             f"{measured_on}. Each notebook ran top to bottom in a fresh kernel.", "",
             f"| notebook | top to bottom | code cells | cells of {SLOW_S} s or more "
             "(prompt after Run All: time, section) |",
             "|---|---|---|---|"]
    for r in results:
        slow = "; ".join(f"In [{n}]: {s:.1f} s, {section}" for n, s, section in r["slow"]) or "none"
        lines.append(f"| {r['name']} | {r['total']:.0f} s | {r['cells']} | {slow} |")
    total = sum(r["total"] for r in results)
    lines.append(f"| all | {total:.0f} s ({total / 60:.1f} min) | {sum(r['cells'] for r in results)} | |")
    return "\n".join(lines)


def write_into_guide(text: str) -> None:
    guide = GUIDE.read_text()
    if START not in guide or END not in guide:
        print(f"time_notebooks: error: {GUIDE.name} has no {START} ... {END} markers",
              file=sys.stderr)
        raise SystemExit(2)
    head, rest = guide.split(START, 1)
    GUIDE.write_text(f"{head}{START}\n{text}\n{END}{rest.split(END, 1)[1]}")


def main(argv) -> int:
    paths = [Path(p) for p in argv] or sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        print(f"time_notebooks: error: no such notebook: {', '.join(missing)}", file=sys.stderr)
        return 2
    # The "python3" kernel must be this interpreter, not whatever is first on PATH.
    os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")
    measured_on = machine()
    results = []
    for i, path in enumerate(paths, 1):
        print(f"[{i}/{len(paths)}] {path.name}", flush=True)
        try:
            results.append(time_notebook(path))
        except CellExecutionError as error:
            print(f"    failed: {str(error).strip().splitlines()[-1]}")
            return 1
        print(f"    {results[-1]['total']:.0f} s")
    text = table(results, measured_on)
    if argv:
        print(text)
        print(f"(some notebooks only: {GUIDE.name} left as it is)")
    else:
        write_into_guide(text)
        print(f"table written into {GUIDE.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
