"""scripts/notebook_versions.py: a notebook cell may differ on another version
only where it declares the difference (a ``version-dependent:KEY`` tag)."""
import json

import notebook_versions as nv
import pytest


def notebook(tmp_path, *tag_lists):
    cells = [{"cell_type": "markdown", "metadata": {}, "source": "# title"}]
    cells += [{"cell_type": "code", "metadata": {"tags": tags}, "source": "1",
               "outputs": [], "execution_count": None} for tags in tag_lists]
    path = tmp_path / "00-x.ipynb"
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4,
                                "nbformat_minor": 5}))
    return path


def test_a_declared_difference_that_applies_is_allowed(tmp_path):
    nb = notebook(tmp_path, ["version-dependent:banner"], ["version-dependent:gh-148874"], [])
    assert nv.judge(nb, 0, "differs", (3, 15, 2)).allowed  # the banner: any version
    assert nv.judge(nb, 1, "differs", (3, 14, 10)).allowed
    r = nv.judge(nb, 1, "differs", (3, 15, 2))  # fixed in 3.15: must not differ there
    assert not r.allowed and "does not apply to 3.15.2" in r.why
    r = nv.judge(nb, 2, "differs", (3, 14, 10))
    assert not r.allowed and r.why == "not declared version-dependent"


def test_a_cell_that_raises_or_names_an_unknown_key_is_never_allowed(tmp_path):
    nb = notebook(tmp_path, ["version-dependent:banner"], ["version-dependent:gh-1"])
    assert not nv.judge(nb, 0, "raises", (3, 14, 10)).allowed
    r = nv.judge(nb, 1, "differs", (3, 14, 10))
    assert not r.allowed and "gh-1, not in labs.contract.versions.DIFFERENCES" in r.why


def test_every_tag_in_the_notebooks_names_a_known_difference():
    known = {d.key for d in nv.versions.DIFFERENCES} | set(nv.ANY_VERSION)
    for path in sorted(nv.ROOT.glob("notebooks/[0-9]*.ipynb")):
        for cell in json.loads(path.read_text())["cells"]:
            assert set(nv.declared(cell)) <= known, (path.name, nv.declared(cell))


def test_junit_report_is_read_per_cell(tmp_path):
    xml = tmp_path / "r.xml"
    xml.write_text(
        '<testsuites><testsuite>'
        '<testcase classname="notebooks.00-x.ipynb" name="Cell 0"/>'
        '<testcase classname="notebooks.00-x.ipynb" name="Cell 1">'
        '<failure message="#x1B[91mCell outputs differ#x1B[0m">  same\n'
        '  - in       []\n  + in       [a > b]\n</failure></testcase>'
        '<testcase classname="notebooks.00-x.ipynb" name="Cell 2">'
        '<failure message="Cell execution caused an exception">boom</failure></testcase>'
        '</testsuite></testsuites>')
    passed, failing = nv.parse_junit(xml)
    assert passed == 1
    assert failing == [("00-x.ipynb", 1, "differs", "  - in       []\n  + in       [a > b]"),
                       ("00-x.ipynb", 2, "raises", "")]


@pytest.mark.parametrize("argv", [["3.9"], ["3.16"]])
def test_bad_versions_exit_2(argv, capsys):
    assert nv.main(argv) == 2
    assert "not a supported version" in capsys.readouterr().err


def test_an_undeclared_difference_is_shown_with_its_diff():
    cell = nv.CellResult("05-x.ipynb", 8, "differs", [], False, "not declared version-dependent",
                         detail="- a\n+ b")
    lines = nv.describe(nv.NotebookRun(version="3.14.10", elapsed_s=1.0, cells=[cell]))
    assert lines[-3:] == ["  DIFFERS: 05-x.ipynb code cell 8 (differs): not declared version-dependent",
                          "      - a", "      + b"]


def test_a_declared_cell_is_not_compared_where_its_difference_applies():
    """notebooks/conftest.py's rule, so that make test passes on every version."""
    def cell(*keys):
        return {"cell_type": "code", "metadata": {"tags": [f"version-dependent:{k}" for k in keys]}}

    assert not nv.compared_here(cell("gh-148874"), "3.11.7", (3, 14, 10))
    assert nv.compared_here(cell("gh-148874"), "3.11.7", (3, 15, 2))
    assert nv.compared_here(cell("banner"), "3.11.7", (3, 11, 9))   # the stored minor version
    assert not nv.compared_here(cell("banner"), "3.11.7", (3, 14, 10))
    assert nv.compared_here(cell(), "3.11.7", (3, 14, 10))  # undeclared: always compared
    assert nv.not_compared(cell("banner", "gh-144748"), "3.11.7", (3, 15, 2)) == ["banner", "gh-144748"]


@pytest.mark.slow
def test_the_notebooks_conftest_applies_the_rule_under_nbval(tmp_path):
    """A real nbval run: a declared cell that differs passes, an undeclared one fails."""
    import shutil
    import subprocess
    import sys

    import nbformat
    nb = nbformat.v4.new_notebook()
    nb.metadata["language_info"] = {"name": "python", "version": "3.0.0"}  # another version
    nb.cells = [nbformat.v4.new_code_cell("print('banner of today')", execution_count=1,
                                          metadata={"tags": ["version-dependent:banner"]}),
                nbformat.v4.new_code_cell("print(1)", execution_count=2)]
    for cell, stored in zip(nb.cells, ["banner of 3.0.0\n", "2\n"]):
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=stored)]
    nbformat.write(nb, tmp_path / "x.ipynb")
    shutil.copy(nv.ROOT / "notebooks" / "conftest.py", tmp_path)
    run = subprocess.run([sys.executable, "-m", "pytest", "-p", "tests.early",
                          "-p", "no:cacheprovider", "-q", "--nbval", "--nbval-current-env",
                          "-c", str(nv.ROOT / "pyproject.toml"),
                          str(tmp_path / "x.ipynb")],
                         capture_output=True, text=True, timeout=120, cwd=nv.ROOT)
    assert "1 failed, 1 passed" in run.stdout, run.stdout[-2000:]
    summary = run.stdout.split("short test summary")[-1]
    assert "Cell 1 - " in summary and "Cell 0" not in summary
