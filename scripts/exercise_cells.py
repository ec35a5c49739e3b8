"""Write the graded exercises into notebooks 01-04 (idempotent).

  python scripts/exercise_cells.py [NOTEBOOK ...]

For each notebook (default: 01-04 under notebooks/), removes every cell
tagged ``exercise`` and puts the exercise section where the first of them
stood (at the end when there was none): a markdown cell per
exercise (its statement) and a code cell (the skeleton and the one-line
check), then a closing cell on reference solutions and the command line.
Cell ids are derived from the exercise, so running it twice changes nothing.
The stored outputs come from re-executing the notebooks afterwards (the
skeletons fail the same way on every run, so nbval can compare them).
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from labs.practice import exercises

ROOT = Path(__file__).resolve().parent.parent

NOTEBOOKS = {"lock-leak": "01-lock-leak.ipynb",
             "lost-task": "02-lost-task.ipynb",
             "signal-target": "03-signal-target.ipynb",
             "blocking-io": "04-blocking-io.ipynb"}
TAG = "exercise"


def cell_id(*parts) -> str:
    return hashlib.sha1("/".join(parts).encode()).hexdigest()[:8]


def lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def markdown(text, *key):
    return {"cell_type": "markdown", "id": cell_id(*key), "metadata": {"tags": [TAG]},
            "source": lines(text)}


def code(text, *key):
    return {"cell_type": "code", "execution_count": None, "id": cell_id(*key),
            "metadata": {"tags": [TAG]}, "outputs": [], "source": lines(text)}


def section(lab: str) -> list[dict]:
    exs = [ex for ex in exercises.all_exercises() if ex.lab == lab]
    cells = [markdown(
        "## Exercises: your turn\n\n"
        "Write the fix yourself. Each exercise gives a function to write; the cell "
        "under it holds a starting version, which fails. The check runs your function in "
        "the sandbox, ten times, under this lab's worst moments (the stop requested "
        "midway through a unit of work, before the first, after random small delays), "
        "and prints:\n\n"
        "- pass or fail, and how many runs passed;\n"
        "- a table of checks: what each run measured, and what was expected;\n"
        "- the timeline of the first failing run;\n"
        "- a hint. `result.hint()` gives the next, more concrete one.\n\n"
        "Edit the function in its cell and run the cell again. Your code cannot hang or "
        "crash this notebook: it runs in a child process with a deadline.", lab, "intro"),
        code("from labs.practice import check", lab, "import")]
    for i, ex in enumerate(exs, 1):
        cells.append(markdown(f"### Exercise {i}: {ex.title}\n\n{ex.statement}\n\n{ex.time_limit} {ex.imports}\n",
                              ex.id, "statement"))
        fn = ", ".join(ex.functions)
        cells.append(code(f"{ex.skeleton.rstrip()}\n\n\nresult = check({ex.id!r}, {fn})\n"
                          "result  # result.hint() for the next hint", ex.id, "check"))
    ids = ", ".join(f"`{ex.id}`" for ex in exs)
    cells.append(markdown(
        "### Solutions, and grading from a terminal\n\n"
        f"Reference solutions for instructors are in `labs/practice/answers/`, next to the "
        f"wrong answers each check must catch; `python -m labs practice solution ID` prints "
        f"one ({ids}).\n\n"
        "To grade a file of your own, from the project's directory:\n\n"
        "```sh\n"
        f"python -m labs practice check {exs[0].id} answer.py    # --runs N, --json\n"
        "```\n\n"
        "Exit status 0 is a pass, 1 a failed check (a hang or a crash included), 2 bad "
        "input; a classroom's CI can use it as is. `python -m labs practice list` lists "
        "every exercise.", lab, "closing"))
    return cells


def update(path: Path, lab: str) -> bool:
    text = path.read_text()
    nb = json.loads(text)
    tagged = [TAG in c.get("metadata", {}).get("tags", []) for c in nb["cells"]]
    kept = [c for c, t in zip(nb["cells"], tagged) if not t]
    # the section stays where it stands (cells after it, such as "You are the
    # scheduler", stay after it); a notebook without one gets it at the end
    at = tagged.index(True) if True in tagged else len(kept)
    new_cells = section(lab)
    old = {c["id"]: c for c in nb["cells"] if c["id"] in {n["id"] for n in new_cells}}
    for c in new_cells:  # keep stored outputs of an unchanged cell
        before = old.get(c["id"])
        if before and before["source"] == c["source"] and c["cell_type"] == "code":
            c["outputs"], c["execution_count"] = before["outputs"], before["execution_count"]
            c["metadata"] = before["metadata"]
    nb["cells"] = kept[:at] + new_cells + kept[at:]
    out = json.dumps(nb, indent=1, ensure_ascii=False) + "\n"
    if out != text:
        path.write_text(out)
        return True
    return False


def main(argv) -> int:
    targets = [Path(p) for p in argv] or [ROOT / "notebooks" / name for name in NOTEBOOKS.values()]
    for path in targets:
        lab = next((lab for lab, name in NOTEBOOKS.items() if path.name == name), None)
        if lab is None:
            print(f"exercise_cells: {path.name} is not one of {', '.join(NOTEBOOKS.values())}",
                  file=sys.stderr)
            return 2
        print(f"{path}: {'updated' if update(path, lab) else 'unchanged'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
