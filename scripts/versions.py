"""Every lab's verdicts and key facts on every CPython the suite promises (3.10 to 3.15).

  python scripts/versions.py [--runs 2] [--lab ID ...] [--jobs 2]

Finds each interpreter of ``labs.contract.versions.SUPPORTED``: the newest pyenv
CPython of that minor version (3.10.x, 3.11.x, ...), else Debian's build
that ``scripts/debian_pythons.sh`` set up (3.14, 3.15: ``make pythons``), and
runs every variant of every listed lab on it, and the anatomy runs whose facts
the notebooks rely on (``labs.contract.versions.KEY_FACTS``), ``--runs`` times, and
prints a table, version by lab: "ok" when every bad variant showed its hazard,
every fixed one did not, and every key fact is the one expected on that
version (the reference, or what a known difference in ``labs.contract.versions``
predicts there), on every run; otherwise what differed. The verdict alone is
not enough: anatomy's ``stop-entering-with`` reads "hazard seen" whether the
lock leaked (3.14.10) or not (3.15.2). A version it
cannot find is listed as skipped, with the reason. A variant that skips
itself (``fixed-shutdown`` before 3.13) counts as ok when it says why.

The children run the labs from this checkout on that interpreter with its own
standard library only: the listed labs need nothing else. (The kill matrix,
which studies third-party libraries, is checked per version with
``scripts/repeat.py --lab matrix --python ...`` in a venv of that version.)
With ``--notebooks 3.14,3.15`` it then runs the notebooks under nbval with a
venv of each of those versions (scripts/notebook_versions.py): a cell may differ
from its stored output only where it declares the difference.
Exit status: 0 when every version found gave the expected verdicts (and every
notebook difference was declared), 1 if not, 2 for bad arguments.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import notebook_versions  # a sibling script: python puts scripts/ on sys.path

from labs import sandbox
from labs.contract import registry, versions
from labs.contract.lab import expected_hazard
from labs.show import tables as report
from labs.show.progress import Progress

PROMISED = versions.SUPPORTED
DEBIAN_PYTHONS = Path(__file__).resolve().parent / "debian_pythons.sh"


def find(minor: str) -> tuple[str | None, str]:
    """(interpreter path, version) of the newest pyenv CPython ``minor``.x,
    else of Debian's build in the sid root, or (None, why not)."""
    python, version = find_pyenv(minor)
    if python is None:
        debian, why = find_debian(minor)
        if debian is not None:
            return debian, why
        version = f"{version}; {why}"
    return python, version


def find_debian(minor: str) -> tuple[str | None, str]:
    """Debian's python``minor`` wrapper from scripts/debian_pythons.sh, if set up."""
    ready = subprocess.run(["bash", str(DEBIAN_PYTHONS), "--check"], capture_output=True,
                           text=True)
    if ready.returncode != 0:
        return None, "no Debian build set up (make pythons)"
    python = Path(ready.stdout.strip()) / f"python{minor}"
    if not python.exists():
        return None, f"no Debian build of {minor} in {python.parent}"
    asked = subprocess.run([str(python), "-c", "import platform; print(platform.python_version())"],
                           capture_output=True, text=True, timeout=60)
    if asked.returncode != 0 or not asked.stdout.strip().startswith(minor + "."):
        return None, f"{python} does not run: {(asked.stderr.strip() or '?').splitlines()[-1]}"
    return str(python), asked.stdout.strip()


def find_pyenv(minor: str) -> tuple[str | None, str]:
    """(interpreter path, version) of the newest pyenv CPython ``minor``.x,
    or (None, why not)."""
    if not shutil.which("pyenv"):
        return None, "pyenv is not installed"
    bare = subprocess.run(["pyenv", "versions", "--bare"], capture_output=True, text=True)
    found = [v.strip() for v in bare.stdout.splitlines()
             if v.strip().startswith(minor + ".") and v.strip()[len(minor) + 1:].isdigit()]
    if not found:
        return None, f"no CPython {minor}.x in pyenv"
    version = max(found, key=lambda v: int(v.split(".")[2]))
    prefix = subprocess.run(["pyenv", "prefix", version], capture_output=True, text=True)
    python = Path(prefix.stdout.strip()) / "bin" / "python"
    if prefix.returncode != 0 or not python.exists():
        return None, f"pyenv has no interpreter for {version}"
    return str(python), version


def verdict_problem(outcome) -> str | None:
    """None when the run gave its variant's expected verdict and key facts;
    else what it gave. (A variant with no expected verdict, as the anatomy's,
    is judged by its key facts alone.)"""
    if outcome.error:
        return f"error: {outcome.error.strip().splitlines()[-1]}"
    if outcome.skipped:
        return None if outcome.variant.startswith("fixed") else f"skipped: {outcome.skipped}"
    facts = versions.fact_problem(outcome)
    if facts:
        return f"facts differ: {facts}"
    if expected_hazard(outcome.variant) is None:
        return None
    if outcome.hazard_observed is not expected_hazard(outcome.variant):
        seen = "hazard seen" if outcome.hazard_observed else "no hazard"
        return f"{seen}, facts {report.fmt(outcome.facts)}"
    return None


def checked_variants(lab) -> list[str]:
    """The variants with an expected verdict or key facts."""
    return [v for v in lab.variants
            if expected_hazard(v) is not None or (lab.id, v) in versions.KEY_FACTS]


def check_version(python: str, labs, runs: int, jobs: int, progress
                  ) -> tuple[dict[str, list[str]], dict[str, dict]]:
    """(lab id -> the problems found (empty: as expected), "lab/variant" ->
    the facts of versions.ACROSS_VERSIONS that its first run measured)."""
    work = [(lab, v) for lab in labs for v in checked_variants(lab) for _ in range(runs)]
    # the runs whose facts the notebooks show across versions, once each if not above
    work += [(registry.get_lab(lab_id), v) for lab_id, v in versions.ACROSS_VERSIONS
             if (lab_id, v) not in {(lab.id, w) for lab, w in work}]
    problems: dict[str, list[str]] = {lab.id: [] for lab in labs}
    measured: dict[str, dict] = {}
    done = 0

    def one(item):
        lab, variant = item
        return lab, variant, sandbox.run(lab.id, variant, python=python)

    with ThreadPoolExecutor(jobs) as pool:
        for lab, variant, outcome in pool.map(one, work):
            done += 1
            progress(done, len(work), f"{lab.id} / {variant}")
            keys = versions.ACROSS_VERSIONS.get((lab.id, variant))
            if keys and f"{lab.id}/{variant}" not in measured:
                measured[f"{lab.id}/{variant}"] = {k: outcome.facts.get(k) for k in keys}
            if lab.id not in problems:  # measured only, not checked
                continue
            problem = verdict_problem(outcome)
            if problem:
                problems[lab.id].append(f"{variant}: {problem}")
    return problems, measured


ROOT = Path(__file__).resolve().parent.parent
MEASURED_FILE = ROOT / "labs" / "show" / "versions_measured.json"


def write_measured(found: dict[str, tuple[str, dict]], path: Path = MEASURED_FILE) -> None:
    """Merge this run's measurements (minor -> (release, facts)) into the data
    file the notebooks read; a version not found this time keeps its last."""
    data = json.loads(path.read_text()) if path.exists() else {}
    by_minor = data.get("versions", {})
    for minor, (release, facts) in found.items():
        by_minor[minor] = {"release": release, "facts": facts}
    data = {"written_by": "make versions (scripts/versions.py), one run of each",
            "versions": dict(sorted(by_minor.items(), key=lambda kv: versions.version_of(kv[0])))}
    path.write_text(json.dumps(data, indent=1, sort_keys=False) + "\n")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=2, help="runs of each variant (default 2)")
    p.add_argument("--lab", action="append", help="a lab id (default: every listed lab)")
    p.add_argument("--jobs", type=int, default=2, help="runs side by side (default 2)")
    p.add_argument("--notebooks", default="", metavar="3.14,3.15",
                   help="also run the notebooks under nbval with a venv of these versions "
                        "(scripts/notebook_versions.py; only declared cells may differ)")
    args = p.parse_args(argv)
    nb_minors = [m for m in args.notebooks.split(",") if m]
    if any(m not in PROMISED for m in nb_minors):
        print(f"versions: error: --notebooks takes versions of {', '.join(PROMISED)}, "
              f"not {args.notebooks!r}", file=sys.stderr)
        return 2
    if args.runs < 1 or args.jobs < 1:
        print("versions: error: --runs and --jobs must be at least 1", file=sys.stderr)
        return 2
    try:
        labs = ([registry.get_lab(i) for i in args.lab] if args.lab
                else registry.all_labs() + [registry.get_lab("anatomy")])
    except registry.UnknownName as problem:
        print(f"versions: error: {problem}", file=sys.stderr)
        return 2
    started = time.monotonic()
    rows, failed, found = [], False, {}
    for minor in PROMISED:
        python, version = find(minor)
        if python is None:
            print(f"{minor}: skipped ({version})", file=sys.stderr)
            rows.append((minor, {lab.id: f"skipped: {version}" for lab in labs}))
            continue
        print(f"Python {version}: {sum(len(checked_variants(lab)) for lab in labs) * args.runs} runs ...",
              file=sys.stderr, flush=True)
        with Progress(f"Python {version}") as progress:  # one rewritten line on a terminal
            problems, measured = check_version(python, labs, args.runs, args.jobs, progress)
        found[minor] = (version, measured)
        cells = {}
        for lab in labs:
            if problems[lab.id]:
                failed = True
                cells[lab.id] = "DIFFERS: " + "; ".join(problems[lab.id])
            else:
                cells[lab.id] = f"ok ({len(checked_variants(lab))} variants x {args.runs})"
        rows.append((version, cells))
    print(f"\nExpected verdicts and key facts (every bad variant shows its hazard, no fixed "
          f"one does; anatomy: the facts of labs.contract.versions.KEY_FACTS), "
          f"{args.runs} runs each, {time.monotonic() - started:.0f} s:\n")
    table = [["Python"] + [lab.id for lab in labs]] + \
            [[version] + ["ok" if c.startswith("ok") else c.split(":")[0]
                          for c in (cells[lab.id] for lab in labs)] for version, cells in rows]
    print(report.grid(table[0], table[1:]))
    if found and not args.lab:
        write_measured(found)
        print(f"\nThe facts that differ between versions, as measured: {MEASURED_FILE.relative_to(ROOT)}")
    for version, cells in rows:
        for lab_id, cell in cells.items():
            if not cell.startswith("ok"):
                print(f"{version} {lab_id}: {cell}")
    for minor in nb_minors:
        python, version = find(minor)
        if python is None:
            print(f"\nPython {minor} notebooks: skipped ({version})")
            continue
        print(f"Python {version}: nbval over the notebooks ...", file=sys.stderr, flush=True)
        result = notebook_versions.run(minor, python, version)
        print("\n" + "\n".join(notebook_versions.describe(result)))
        failed |= not result.ok
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
