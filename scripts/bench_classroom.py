"""Time `practice grade` on a class of 30: every learner hands in all 8 exercises.

  python scripts/bench_classroom.py [--learners 30] [--jobs 2] [--runs 10] [--compare]

The class is built from labs/practice/answers/: learner k hands in, for each
exercise, the k-th of its right, wrong and cheating answers in turn (so about
a third pass, and the wrong ones include answers that hang until their run's
budget ends). Prints the time, the load average when it started (other work
on the machine slows it), and the count of each result. ``--compare`` grades
the class again one at a time (--jobs 1) and lists any row whose result
differs: two gradings at a time must not change a verdict.
Exit status 0; 1 when --compare found a difference.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from labs.practice import exercises  # noqa: E402


def build(folder: Path, learners: int) -> None:
    for k in range(learners):
        mine = folder / f"learner{k + 1:02d}"
        mine.mkdir(parents=True)
        for ex in exercises.all_exercises():
            pool = ex.right_answers() + ex.wrong_answers() + ex.cheats()
            # every third hands in a right answer; the others go through the wrong ones
            pick = ex.right_answers()[k % len(ex.right_answers())] if k % 3 == 0 else \
                pool[len(ex.right_answers()) + k % (len(pool) - len(ex.right_answers()))]
            shutil.copy(pick, mine / f"{ex.slug}.py")


def grade(folder: Path, out: Path, jobs: int, runs: int) -> tuple[float, dict]:
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "labs", "practice", "grade", str(folder),
                           "--out", str(out), "--jobs", str(jobs), "--runs", str(runs)],
                          cwd=ROOT, capture_output=True, text=True)
    elapsed = time.monotonic() - started
    if done.returncode != 0:
        sys.exit(f"bench_classroom: practice grade failed ({done.returncode}):\n{done.stderr}")
    rows = json.loads((out / "grades.json").read_text())["gradings"]
    return elapsed, {(g["learner"], g["exercise"]): g for g in rows}


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--learners", type=int, default=30)
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--runs", type=int, default=10)
    p.add_argument("--compare", action="store_true", help="grade again with --jobs 1 and compare")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-classroom-") as tmp:
        folder = Path(tmp) / "class"
        build(folder, args.learners)
        n = args.learners * len(exercises.all_exercises())
        load = os.getloadavg()[0]
        print(f"{args.learners} learners x {len(exercises.all_exercises())} exercises = {n} "
              f"gradings, --runs {args.runs}, {os.cpu_count()} cores, load average "
              f"{load:.1f} at the start", flush=True)
        elapsed, rows = grade(folder, Path(tmp) / "grades", args.jobs, args.runs)
        counts = Counter(g["status"] for g in rows.values())
        print(f"--jobs {args.jobs}: {elapsed:.0f} s ({elapsed / 60:.1f} min; "
              f"{elapsed / n:.2f} s a grading): "
              + ", ".join(f"{v} {k}" for k, v in sorted(counts.items())), flush=True)
        if not args.compare:
            return 0
        elapsed1, rows1 = grade(folder, Path(tmp) / "grades-1", 1, args.runs)
        print(f"--jobs 1: {elapsed1:.0f} s ({elapsed1 / 60:.1f} min)")
        differ = [k for k in rows if rows[k]["status"] != rows1[k]["status"]]
        for k in differ:
            print(f"  differs: {k[0]} {k[1]}: --jobs {args.jobs} {rows[k]['status']}, "
                  f"--jobs 1 {rows1[k]['status']}")
        print(f"{len(differ)} of {n} results differ between --jobs {args.jobs} and --jobs 1")
        return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
