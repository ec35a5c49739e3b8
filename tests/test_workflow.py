"""The hosted workflow, checked offline: it parses, it runs `make test`, and
its versions are the ones labs/contract/versions.py says the suite supports."""
from pathlib import Path

import yaml

from labs.contract import versions

WORKFLOW = Path(__file__).resolve().parent.parent / ".github" / "workflows" / "test.yml"


def load():
    return yaml.safe_load(WORKFLOW.read_text())


def test_the_workflow_parses_and_runs_on_push_and_pull_requests():
    flow = load()
    # YAML 1.1 reads a bare `on` key as True: accept either spelling.
    triggers = flow.get("on", flow.get(True))
    assert {"push", "pull_request"} <= set(triggers)
    assert list(flow["jobs"]) == ["test"]


def test_its_versions_are_labs_versions_list():
    matrix = load()["jobs"]["test"]["strategy"]["matrix"]["python"]
    assert all(isinstance(v, str) for v in matrix), "quote versions: 3.10 as a number is 3.1"
    assert matrix == list(versions.SUPPORTED) + list(versions.SUPPORTED_FREE_THREADED)
    assert all(v.endswith("t") and v[:-1] in versions.SUPPORTED
               for v in versions.SUPPORTED_FREE_THREADED)


def test_it_runs_make_test_with_the_matrix_python():
    job = load()["jobs"]["test"]
    setup = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/setup-python@"))
    assert setup["with"]["python-version"] == "${{ matrix.python }}"
    runs = [s["run"] for s in job["steps"] if "run" in s]
    assert runs == [f"make test PYTHON=${{{{ steps.{setup['id']}.outputs.python-path }}}}"]
    assert job["runs-on"].startswith("ubuntu-") and job["timeout-minutes"] <= 60
