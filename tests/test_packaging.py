"""Set-up: pyproject.toml and environment.yml agree; CI runs what the README says."""
from __future__ import annotations

import re
import sys

from labs.sandbox import PROJECT_ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # 3.10: a minimal reader for the one list we need
    tomllib = None


def normal(name: str) -> str:
    name = re.split(r"[<>=!~\[ ;]", name.strip(), maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", name).lower()


def pyproject_deps() -> set[str]:
    text = (PROJECT_ROOT / "pyproject.toml").read_text()
    if tomllib:
        deps = tomllib.loads(text)["project"]["dependencies"]
    else:
        block = text.split("dependencies = [", 1)[1].split("]", 1)[0]
        deps = re.findall(r'"([^"]+)"', block)
    return {normal(d) for d in deps}


def environment_deps() -> set[str]:
    names = set()
    text = (PROJECT_ROOT / "environment.yml").read_text()
    for line in text.split("dependencies:", 1)[1].splitlines():
        item = re.match(r"\s*-\s+(.+)", line.split("#")[0])
        if item and not item.group(1).rstrip().endswith(":"):
            names.add(normal(item.group(1)))
    return names - {"python", "pip", "-e", ""}


def test_environment_yml_lists_the_same_dependencies():
    assert pyproject_deps() == environment_deps()


def test_ci_runs_only_documented_make_targets():
    """.ci/run calls `make test` and other make targets the README documents."""
    commands = [line.split("#")[0].strip() for line in (PROJECT_ROOT / ".ci/run").read_text().splitlines()
                if line.strip() and not line.startswith("#")]
    runs = [c for c in commands if not c.startswith(("set ", "cd "))]
    assert "make test" in runs
    readme = (PROJECT_ROOT / "README.md").read_text()
    for command in runs:
        assert re.fullmatch(r"make [a-z-]+", command), command
        assert command in readme, f"{command} is not in the README"


def test_makefile_installs_from_nothing():
    makefile = (PROJECT_ROOT / "Makefile").read_text()
    assert "-m venv" in makefile and "pip install" in makefile
    readme = (PROJECT_ROOT / "README.md").read_text()
    assert "make demo" in readme and "make test" in readme
