"""Binder (repo2docker) builds from environment.yml: what can be checked offline.

repo2docker looks in binder/ (or .binder/) first, then the top level; it takes
environment.yml over requirements.txt; a local pip requirement such as `-e .`
makes it copy the whole repository before installing (CondaBuildPack,
_should_preassemble_env)."""
from __future__ import annotations

import json
import re

import yaml
from test_packaging import pyproject_deps, requirement

from labs.sandbox import PROJECT_ROOT

MACHINE_PATH = re.compile(r"(/work/|/home/|/root/|/Users/|/tmp/|[A-Z]:\\\\)")


def environment():
    return yaml.safe_load((PROJECT_ROOT / "environment.yml").read_text())


def test_environment_yml_parses_as_conda_expects():
    env = environment()
    assert env["name"] and "conda-forge" in env["channels"]
    pip = [d for d in env["dependencies"] if isinstance(d, dict)]
    assert len(pip) == 1 and list(pip[0]) == ["pip"]
    assert "pip" in env["dependencies"]  # the pip: section needs pip itself
    assert "-e ." in pip[0]["pip"]       # the labs package, from the repository


def test_binder_reads_environment_yml_and_nothing_overrides_it():
    for ignored_or_overriding in ("binder", ".binder", "requirements.txt"):
        assert not (PROJECT_ROOT / ignored_or_overriding).exists(), ignored_or_overriding
    post_build = PROJECT_ROOT / "postBuild"
    assert not post_build.exists(), "postBuild is not needed: `-e .` installs the labs"


def test_environment_yml_dependencies_are_pyprojects():
    env = environment()
    deps = dict(requirement(d) for d in env["dependencies"] if isinstance(d, str))
    deps.update(requirement(d) for section in env["dependencies"] if isinstance(section, dict)
                for d in section["pip"])
    for local in ("python", "pip", "-e"):
        deps.pop(local, None)
    assert deps == pyproject_deps()


def test_nothing_needs_a_path_on_one_machine():
    for name in ("environment.yml", "pyproject.toml"):
        text = (PROJECT_ROOT / name).read_text()
        assert not MACHINE_PATH.search(text), f"{name}: {MACHINE_PATH.search(text).group(0)}"
    for path in sorted((PROJECT_ROOT / "notebooks").glob("*.ipynb")):
        nb = json.loads(path.read_text())
        code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
        found = MACHINE_PATH.search(code + json.dumps(nb["metadata"]))
        assert not found, f"{path.name}: {found.group(0)}"


def test_readme_badge_launches_a_notebook_that_exists():
    readme = (PROJECT_ROOT / "README.md").read_text()
    badge = re.search(r"\[!\[[^\]]*Binder[^\]]*\]\(https://mybinder\.org/badge_logo\.svg\)\]"
                      r"\((https://mybinder\.org/v2/gh/[^)\s]+)\)", readme)
    assert badge, "no Binder badge in the README"
    target = re.search(r"urlpath=lab/tree/([^&)\s]+)", badge.group(1))
    assert target and (PROJECT_ROOT / target.group(1)).is_file(), badge.group(1)
