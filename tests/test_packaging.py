"""Set-up: pyproject.toml and environment.yml agree; CI runs what the README says."""
from __future__ import annotations

import re
import sys

from labs.sandbox import PROJECT_ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # 3.10: no tomllib; a reader for the one array of strings we need
    tomllib = None


def requirement(text: str) -> tuple[str, str]:
    """("name", "specifier") of a requirement, the name normalized (PEP 503)."""
    text = text.split("#")[0].strip()
    name, spec = re.match(r"([A-Za-z0-9_.\-]+)\s*(.*)", text).groups()
    return re.sub(r"[-_.]+", "-", name).lower(), spec.replace(" ", "")


def toml_string_array(text: str, table: str, key: str) -> list[str]:
    """The strings of array ``key`` in ``[table]``: comments and trailing
    commas allowed, as pyproject.toml has them."""
    body = text.split(f"[{table}]", 1)[1].split("\n[", 1)[0]
    block = re.search(rf"^{key}\s*=\s*\[(.*?)^\]", body, re.S | re.M).group(1)
    lines = (line.split("#", 1)[0] for line in block.splitlines())
    return re.findall(r'"([^"]*)"', "\n".join(lines))


def pyproject_deps() -> dict[str, str]:
    text = (PROJECT_ROOT / "pyproject.toml").read_text()
    if tomllib:
        deps = tomllib.loads(text)["project"]["dependencies"]
        assert deps == toml_string_array(text, "project", "dependencies")  # the fallback agrees
    else:
        deps = toml_string_array(text, "project", "dependencies")
    return dict(map(requirement, deps))


def yaml_list(lines: list[str], start: int) -> tuple[list, int]:
    """The YAML block list starting at ``lines[start]``: items, nested lists
    (an item "pip:" followed by a deeper list) as (key, list) pairs."""
    items, indent, i = [], None, start
    while i < len(lines):
        raw = lines[i].split(" #", 1)[0].rstrip()
        if not raw.strip():
            i += 1
            continue
        depth = len(raw) - len(raw.lstrip())
        if indent is None:
            indent = depth
        if depth < indent or not raw.lstrip().startswith("- "):
            break
        item = raw.lstrip()[2:].strip()
        if item.endswith(":"):
            nested, i = yaml_list(lines, i + 1)
            items.append((item[:-1], nested))
            continue
        items.append(item)
        i += 1
    return items, i


def environment_deps() -> dict[str, str]:
    lines = (PROJECT_ROOT / "environment.yml").read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("dependencies:"))
    items, _ = yaml_list(lines, start + 1)
    names = []
    for item in items:
        names += item[1] if isinstance(item, tuple) else [item]
    deps = dict(requirement(n) for n in names if not n.startswith("-e "))
    for tool in ("python", "pip"):
        deps.pop(tool, None)
    return deps


def test_the_parsers_read_what_they_should():
    assert requirement("func-timeout>=4.3  # why") == ("func-timeout", ">=4.3")
    assert toml_string_array('[project]\ndependencies = [\n  "a>=1",  # "no"\n  "b",\n]\n',
                             "project", "dependencies") == ["a>=1", "b"]
    items, _ = yaml_list(["  - a>=1", "  - pip:", "      - b  # c", "      - -e .", "x: 1"], 0)
    assert items == ["a>=1", ("pip", ["b", "-e ."])]


def test_environment_yml_lists_the_same_dependencies_and_versions():
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
