"""Notebook hygiene: what nbval does not check. Notebooks are read by learners
with their stored outputs, before anything runs."""
from __future__ import annotations

import json

import exercise_cells  # a script: pytest puts scripts/ on sys.path (pyproject.toml)
import pytest

from labs.contract import registry
from labs.sandbox import PROJECT_ROOT

NOTEBOOKS = sorted((PROJECT_ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def load(path):
    return json.loads(path.read_text())


def code_cells(nb):
    return [c for c in nb["cells"] if c["cell_type"] == "code" and "".join(c["source"]).strip()]


def test_there_are_notebooks():
    assert NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_with_outputs_and_no_errors(path):
    nb = load(path)
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    counts = []
    for cell in code_cells(nb):
        assert cell["execution_count"] is not None, f"not executed: {cell['source'][:1]}"
        counts.append(cell["execution_count"])
        for out in cell["outputs"]:
            assert out["output_type"] != "error", "".join(out.get("traceback", []))[-500:]
            assert out.get("name") != "stderr" or "Warning" not in "".join(out["text"]), out
    assert counts == sorted(counts), "cells were executed out of order"


@pytest.mark.parametrize("path", NOTEBOOKS + sorted((PROJECT_ROOT / "notebooks" / "template").glob("*.ipynb")),
                         ids=lambda p: p.name)
def test_stored_kernelspec_is_the_one_jupyter_writes(path):
    """Opening a notebook must not mark it unsaved: JupyterLab rewrites the
    kernelspec to the installed kernel's own (display name included)."""
    from jupyter_client.kernelspec import KernelSpecManager
    spec = KernelSpecManager().get_kernel_spec("python3")
    stored = load(path)["metadata"]["kernelspec"]
    assert stored == {"display_name": spec.display_name, "language": spec.language, "name": "python3"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_ignored_outputs_say_why(path):
    for cell in code_cells(load(path)):
        if "nbval-ignore-output" in cell["metadata"].get("tags", []):
            source = "".join(cell["source"])
            assert source.lstrip().startswith("#"), f"say why its output is ignored:\n{source}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_has_a_figure(path):
    outputs = [o for c in code_cells(load(path)) for o in c["outputs"]]
    assert any("image/png" in o.get("data", {}) for o in outputs)


@pytest.mark.parametrize("lab_id", registry.lab_ids())
def test_every_lab_has_a_notebook_that_runs_it(lab_id):
    runs = [p.name for p in NOTEBOOKS
            if any(f'sandbox.{run}("{lab_id}"' in "".join(c["source"])
                   for c in code_cells(load(p)) for run in ("run", "run_many"))]
    assert runs, f"no notebook runs lab {lab_id}"


@pytest.mark.parametrize("lab, name", sorted(exercise_cells.NOTEBOOKS.items()))
def test_exercise_cells_are_the_graders_statements(lab, name):
    """The exercise cells are what scripts/exercise_cells.py writes from the
    exercises' statements and skeletons: a statement changed in the grader
    and not in the notebook fails here (nb02 once showed an old one)."""
    stored = [c for c in load(PROJECT_ROOT / "notebooks" / name)["cells"]
              if exercise_cells.TAG in c.get("metadata", {}).get("tags", [])]
    wanted = exercise_cells.section(lab)
    assert [(c["id"], "".join(c["source"])) for c in stored] == \
        [(c["id"], "".join(c["source"])) for c in wanted], \
        f"run: python scripts/exercise_cells.py notebooks/{name}"
