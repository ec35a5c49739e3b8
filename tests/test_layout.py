"""The folder tree is the design: what each process imports is what its folder says.

A sandboxed child (a lab, the kill matrix, a graded exercise) imports only the
child's side and the shared contract: never the parent's supervisor, the
presentation, a lesson's measurement or figures, or the grader. Checked in a
fresh interpreter, by the modules it really loaded.
"""
from __future__ import annotations

import ast
import json
import subprocess
import sys

import pytest

from labs.contract import registry
from labs.contract.outcome import LABS_DIR, PROJECT_ROOT

# What a child may load: its runtime, the contract, the scenes, its own exercise code.
CHILD_MAY_LOAD = ("labs", "labs.child", "labs.child.", "labs.contract", "labs.contract.",
                  "labs.lessons", "labs.practice", "labs.practice.child", "labs.practice.exercises",
                  "labs.practice.ex_",
                  # the trusted engine's learner process: it runs in the child, stdlib only
                  "labs.practice.jail", "labs.practice.wire", "labs.practice.guard",
                  # the ex_ modules' grader-side classes and allowed modules; stdlib only, unused in the child
                  "labs.practice.arena", "labs.practice.pauses", "labs.practice.idle",
                  "labs.practice.policy")
# The practice child's own code (the rest of labs.practice is the parent's or both's).
PRACTICE_CHILD = ("labs.practice.child", "labs.practice.jail", "labs.practice.wire",
                  "labs.practice.guard")
CHILD_MUST_NOT_LOAD = ("labs.sandbox", "labs.show", "labs.__main__", "labs.practice.grade",
                       "labs.practice.ship", "labs.practice.cli", "labs.practice.answers")


def loaded_by(module: str) -> list[str]:
    code = (f"import sys, {module}\n"
            "import json; print(json.dumps(sorted(m for m in sys.modules if m.startswith('labs'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=PROJECT_ROOT, check=True).stdout
    return json.loads(out)


def allowed_in_child(name: str) -> bool:
    if name.startswith("labs.lessons."):  # a lesson's scene and the child-side helpers
        last = name.rsplit(".", 1)[-1]
        return last not in ("measure", "figures", "view", "rows", "bench")
    return any(name == p or (p.endswith((".", "_")) and name.startswith(p)) for p in CHILD_MAY_LOAD)


@pytest.mark.parametrize("lesson", registry.LESSONS, ids=lambda lesson: lesson.id)
def test_a_child_loads_only_the_child_side(lesson):
    loaded = loaded_by(f"labs.child.runtime, {lesson.scene}")
    assert lesson.scene in loaded
    for name in loaded:
        assert not name.startswith(CHILD_MUST_NOT_LOAD), f"{lesson.scene} loads {name}"
        assert allowed_in_child(name), f"{lesson.scene} loads {name}, which is not child-side"


def test_the_practice_jail_loads_only_the_child_side():
    """An exercise on the trusted engine runs labs.practice.jail in the child
    (imported when the payload asks for it, so the test above misses it)."""
    loaded = loaded_by("labs.child.runtime, labs.practice.child, labs.practice.jail")
    assert {"labs.practice.jail", "labs.practice.wire", "labs.practice.guard"} <= set(loaded)
    for name in loaded:
        assert not name.startswith(CHILD_MUST_NOT_LOAD), f"the jail loads {name}"
        assert allowed_in_child(name), f"the jail loads {name}, which is not child-side"


def imports_of(path) -> set[str]:
    tree = ast.parse(path.read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return {m for m in found if m.startswith("labs")}


def module_name(path) -> str:
    return ".".join(path.relative_to(PROJECT_ROOT).with_suffix("").parts)


def test_imports_go_one_way():
    """The contract imports nothing else of the suite; the child's side never
    imports the parent's side (even in a function body)."""
    for path in sorted(LABS_DIR.rglob("*.py")):
        name, imported = module_name(path), imports_of(path)
        if name.startswith("labs.contract"):
            assert all(m.startswith("labs.contract") for m in imported), (name, imported)
        if name.startswith("labs.child") or name.endswith(".scene") or name in PRACTICE_CHILD:
            bad = [m for m in imported if m.startswith(CHILD_MUST_NOT_LOAD)]
            assert not bad, f"{name} imports {bad}"


def test_every_lesson_has_one_id_for_its_folder_notebook_and_lab():
    for lesson in registry.LESSONS:
        if lesson.scene.startswith("labs.lessons."):
            folder = LABS_DIR / "lessons" / lesson.id.replace("-", "_")
            assert (folder / "scene.py").is_file() and (folder / "measure.py").is_file()
            assert registry.get_lab(lesson.id).id == lesson.id
        if lesson.notebook:
            assert (PROJECT_ROOT / "notebooks" / lesson.notebook).is_file(), lesson.notebook
    on_disk = {p.name for p in (PROJECT_ROOT / "notebooks").glob("*.ipynb")}
    assert on_disk == {lesson.notebook for lesson in registry.LESSONS if lesson.notebook}
