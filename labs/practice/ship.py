"""Getting the learner's code to the child: as source text, checked first.

Why source and not pickled functions (cloudpickle): the child may run another
CPython (3.10-3.13) than the notebook kernel, and pickled code objects are
bytecode, which differs between versions. Source is what the learner wrote,
every interpreter compiles it, and its line numbers point at the learner's
own lines. ``inspect.getsource`` finds a notebook function's source because
IPython keeps every cell in ``linecache``.

Every mistake that can be seen without running the code (a syntax error, a
missing function, a wrong signature, a name used but never defined, a name
that cannot be sent) is one ``BadAnswer`` with a one-line message.
"""
from __future__ import annotations

import ast
import builtins
import importlib
import inspect
import os
import stat
import symtable
import textwrap
import types

LITERALS = (int, float, complex, str, bytes, bool, type(None))


class BadAnswer(ValueError):
    """The answer cannot be run at all; the message is one line for the learner."""


# ---------------------------------------------------------------- from a file

def from_file(path) -> str:
    """The text of the file at ``path``: a regular file in UTF-8; BadAnswer
    for anything else, never a wait: a FIFO or a terminal given as the file
    would block the read for ever (hostile round, twenty-fourth session), so
    it is opened without waiting and looked at before it is read."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as e:
        raise BadAnswer(f"cannot read {path}: {e.strerror or e}") from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise BadAnswer(f"cannot read {path}: not a regular file")
    with os.fdopen(fd, "rb") as f:
        data = f.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise BadAnswer(f"cannot read {path}: {e}") from None


# ---------------------------------------------------------------- from notebook functions

def from_functions(fns, names) -> str:
    """Module source for the functions ``fns``, to be known in the child as
    ``names``: each function's source (the first at its own line number, so
    that messages quote the cell's lines), the helper functions they call,
    and the imports and constants they use."""
    if len(fns) != len(names):
        raise BadAnswer(f"this exercise needs {len(names)} function(s): {', '.join(names)}; "
                        f"{len(fns)} given")
    parts, prelude, seen = [], [], set()
    for fn, name in zip(fns, names):
        _ship(fn, parts, prelude, seen)
        if fn.__name__ != name:
            prelude.append(f"{name} = {fn.__name__}")
    first_line = max(inspect.getsourcelines(fns[0])[1] - 1, 0)
    return "\n" * first_line + "\n\n".join(parts) + "\n\n" + "\n".join(prelude) + "\n"


def _ship(fn, parts, prelude, seen) -> None:
    if id(fn) in seen:
        return
    seen.add(id(fn))
    if not isinstance(fn, types.FunctionType):
        raise BadAnswer(f"{fn!r} is not a function: pass the function itself, e.g. check(..., consumer)")
    if fn.__name__ == "<lambda>":
        raise BadAnswer("a lambda cannot be sent to the sandbox: define the function with def")
    if fn.__code__.co_freevars:
        raise BadAnswer(f"{fn.__name__} uses {', '.join(fn.__code__.co_freevars)} from an "
                        "enclosing function: define it at the top level of a cell")
    try:
        source = textwrap.dedent(inspect.getsource(fn))
    except (OSError, TypeError):
        raise BadAnswer(f"cannot read the source of {fn.__name__}: define it with def in a "
                        "notebook cell or a file") from None
    parts.append(source)
    for name in sorted(global_names(source)):
        if name not in fn.__globals__:
            continue  # a builtin, or never defined: check() says which
        value = fn.__globals__[name]
        if isinstance(value, types.ModuleType):
            prelude.append(f"import {value.__name__}" if value.__name__ == name
                           else f"import {value.__name__} as {name}")
        elif isinstance(value, types.FunctionType) and value.__module__ == fn.__module__:
            _ship(value, parts, prelude, seen)  # a helper from the notebook
        elif _importable(value):
            prelude.append(f"from {value.__module__} import {value.__qualname__} as {name}")
        elif isinstance(value, LITERALS) or (isinstance(value, tuple) and
                                             all(isinstance(v, LITERALS) for v in value)):
            prelude.append(f"{name} = {value!r}")
        else:
            raise BadAnswer(f"{fn.__name__} uses {name!r}, a {type(value).__name__} from your "
                            "notebook that cannot be sent to the sandbox: create it inside "
                            "the function")


def _importable(value) -> bool:
    module, qualname = getattr(value, "__module__", None), getattr(value, "__qualname__", None)
    if not module or not qualname or module == "__main__" or "<" in qualname:
        return False
    try:
        return getattr(importlib.import_module(module), qualname, None) is value
    except Exception:
        return False


# ---------------------------------------------------------------- checks without running

def global_names(source: str) -> set[str]:
    """Names the functions of ``source`` read as globals (or builtins)."""
    found = set()

    def walk(table):
        if table.get_type() == "function":
            found.update(s.get_name() for s in table.get_symbols()
                         if s.is_global() and s.is_referenced())
        for child in table.get_children():
            walk(child)

    walk(symtable.symtable(source, "<answer>", "exec"))
    return found


def static_check(source: str, functions, signatures, filename="your code",
                 modules=None) -> None:
    """Raise BadAnswer for what can be seen before running: syntax, the
    functions and their arguments, names used but never defined, and what
    the policy refuses (labs.practice.policy; ``modules``: what the
    exercise lets the learner import)."""
    if "\0" in source:
        line = source[:source.index("\0")].count("\n") + 1
        raise BadAnswer(f"{filename}, line {line}: a NUL byte (is it a Python file?)")
    try:
        tree = ast.parse(source, filename)
        compile(tree, filename, "exec")
    except SyntaxError as e:
        text = (e.text or "").strip()
        raise BadAnswer(f"{filename}, line {e.lineno}: {e.msg}"
                        + (f": {text[:80]}" + ("..." if len(text) > 80 else "") if text else "")
                        ) from None
    except (RecursionError, MemoryError, ValueError, OverflowError) as e:
        raise BadAnswer(f"{filename}: too deeply nested or too large to compile "
                        f"({type(e).__name__})") from None
    from labs.practice import policy
    try:
        policy.check(source, modules or policy.COMMON_MODULES + EXTRA_MODULES, filename)
    except policy.Refused as refused:
        raise BadAnswer(f"{filename}, {refused}") from None
    # Test code under `if __name__ == "__main__":` never runs in the grader:
    # its names are not checked either (a helper defined there is fine); its
    # ``else`` runs, and is checked.
    tree.body = policy.runs_on_import(tree.body)
    try:
        _names_and_arguments(tree, source, functions, signatures, filename)
    except (RecursionError, MemoryError) as e:
        raise BadAnswer(f"{filename}: too deeply nested to read ({type(e).__name__})") from None


EXTRA_MODULES = ("socket", "selectors", "select", "errno")  # exercises not yet ported


def _names_and_arguments(tree, source, functions, signatures, filename) -> None:
    defined = _module_names(tree)
    defs = {n.name: n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
    for name, params in zip(functions, signatures):
        if name not in defined:
            raise BadAnswer(f"{filename} has no function named {name!r}")
        node = defs.get(name) or defs.get(_aliases(tree).get(name))
        if node is not None:
            _check_arguments(node, params)
    for name in sorted(global_names(ast.unparse(tree))):  # the tree: main-guard code left out
        if name not in defined and not hasattr(builtins, name):
            line = _first_use(tree, name)
            text = source.splitlines()[line - 1].strip() if line else ""
            raise BadAnswer(f"the name {name!r} is used but never defined "
                            f"(line {line}: {text})")


def _module_names(tree) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) \
                and node in tree.body:
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.Global):
            names.update(node.names)
    return names


def _aliases(tree) -> dict[str, str]:
    """``name = other`` at module level (how a notebook function is renamed)."""
    return {n.targets[0].id: n.value.id for n in tree.body
            if isinstance(n, ast.Assign) and len(n.targets) == 1
            and isinstance(n.targets[0], ast.Name) and isinstance(n.value, ast.Name)}


def _check_arguments(node, params) -> None:
    a = node.args
    positional = [p.arg for p in a.posonlyargs + a.args]
    required = len(positional) - len(a.defaults)
    kw_required = [k.arg for k, d in zip(a.kwonlyargs, a.kw_defaults) if d is None]
    fits = required <= len(params) and (len(params) <= len(positional) or a.vararg)
    if not fits or kw_required:
        raise BadAnswer(f"{node.name} must take {len(params)} argument(s) "
                        f"({', '.join(params)}); yours takes ({', '.join(positional)})")


def _first_use(tree, name) -> int | None:
    lines = [n.lineno for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id == name]
    return min(lines) if lines else None
