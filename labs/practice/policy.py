"""What a submission may do, read before it runs: the first line of defence.

A submission may import the modules its exercise lists (``Exercise.modules``)
and use ordinary Python. Refused, with one line naming the construct and its
line (``Refused``, exit status 2 on the command line):

- importing ``labs`` (the grader's own code, the reference answers) or any
  module the exercise does not list;
- reaching into frames or tracing: ``sys._getframe``, ``settrace``,
  ``setprofile``, ``f_back``/``f_globals``/``tb_frame``..., ``gc``,
  ``inspect``, ``ctypes``;
- running code from text: ``exec``, ``eval``, ``compile``, ``__import__``;
  and the builtins that reach around names (``globals``, ``vars``,
  ``getattr``/``setattr`` on a name not written out, ``open``), named at all,
  called or not (``e = eval``);
- a format that reads an attribute by name: a field such as ``"{0._w}"``,
  ``.format()`` of a format not written out, ``string.Formatter``'s
  ``get_field``; a positional class pattern but of a type that matches
  itself (``case int(x)``: any other reads what ``__match_args__`` names),
  and binding ``__match_args__``, ``super`` or ``__name__`` (however: a
  ``def``, a class, a capture would switch on the main guard this reading
  skips);
- a method taken from one of its own classes (``A.get(bank)`` makes
  ``bank`` its ``self``; its bases' methods and names its body binds to
  them too, and from a classmethod's ``cls``), but ``Base.__init__(self)``;
  a class of its own whose methods read ``self._x`` used otherwise than
  called, subclassed, compared with ``is``, tested, matched, annotated, printed or
  read an attribute of (``k = A``, ``[A]``, ``getattr(A, "get")``), and a
  ``type(x)`` or ``x.__class__`` used otherwise than read its name,
  compared with ``is`` (or ``==`` with a builtin class: ``type(n) == int``),
  tested with ``issubclass`` against builtin classes or called, where such
  a class exists; ``super()`` with
  arguments but ``(this class, self)``; ``mro()``;
- a method's ``self`` under a decorator but ``property`` (and its setter),
  ``classmethod``, ``contextlib.contextmanager``, ``functools.cached_property``
  or ``abc.abstractmethod`` is not its own (``@staticmethod def f(self)``),
  nor in a class whose name is bound twice or that inherits a ``__new__`` or
  a metaclass; defining the hooks that receive a class (``__get__``,
  ``__set_name__``, ``__init_subclass__``...); an ``__init__`` called other
  than on a method's own ``self``;
- text evaluated as code by another name (``typing.get_type_hints``,
  ``functools.singledispatch``), ``logging.currentframe``, a format field
  that reads a frame's attribute (``"{0.f_back}"``), a format or a
  ``Formatter``'s given as anything but a constant or a module's constant;
- a private or dunder attribute of anything but the first parameter of a
  method of its own classes (``self._lock`` in ``def run(self)``), one of
  its own classes, a name bound only to an instance of them or a call of
  one (``Reader(...)._loop()``), ``super()`` or a module it imported
  (``bank._accounts``, ``t.__class__``; a function's parameter called
  ``self`` is not enough; a name is read in its scope, as Python reads it,
  and in a class body at the module's level too; a class with a ``__new__``,
  a metaclass or a decorator given more than constants is not its own: its
  call may return anything);
  but any code may read a name (``__name__``, ``__qualname__``, ``__doc__``:
  ``type(e).__name__``), a class (``e.__class__``, as ``type(e)``), a named
  tuple's methods (``p._replace(...)``), and call a class's ``__init__``
  (``threading.Thread.__init__(self)``);
- ``getattr`` and its kin other than called with a name written out;
- changing a module's attributes, or those of what it holds (``os._exit = ...``,
  ``threading.Lock = ...``, ``threading.Condition.wait = ...``);
- an attribute read with a class pattern (``case object(_w=w)``) is read as
  ``x._w`` is;
- starting processes or sessions (``os.fork``, ``os.setsid``, ``subprocess``);
- threading's C locks (``threading._allocate_lock``, ``_CRLock``): their timed
  ``acquire`` would keep the real clock where an exercise runs a fast one;
- (a policy review, twenty-seventh session) a module reached as another's
  attribute (``enum.bltns``, ``dataclasses.inspect``, ``typing.operator``,
  ``logging.traceback``), in any form (``from enum import bltns``,
  ``getattr(enum, "bltns")``); a module's private attributes
  (``dataclasses._create_fn``, ``typing._eval_type``) but ``os._exit``; the
  forbidden builtins as attributes (``x.eval``, ``io.open``, ``os.open``,
  ``io.FileIO``); ``type()`` with more than one argument; ``register`` of a
  class of its own or on ``abc``; a method of a class used in its body
  other than wrapped (``property(get)``) or named again; a dunder attribute
  of a method's ``self`` (``self.__closure__``; ``self.__count`` is its own);
  a ``Formatter`` given ``**`` or ``*`` arguments or used other than
  called; ``getattr(x, "format")``; ``findCaller``; a module used other
  than to read its attributes (``m = enum``, ``helper(enum)``);
- (a policy review, twenty-eighth session) ``from m import *``; a class
  whose base has machinery (a metaclass's own ``__call__`` or a ``__new__``
  in Python: ``enum.Enum``) is not its own; an exception class whose
  methods read ``self._x`` (raised, its class reaches ``__exit__``,
  ``exc_info`` however reached, log records); the class hooks and the copy
  hooks (``__deepcopy__``, ``__reduce__``...) bound any way, by a ``def`` or
  an assignment; a class in an annotation that is not only names
  (``k: GRAB.append(A)``); ``functools.wraps`` and ``update_wrapper`` given
  more than the functions (``assigned=("_call",)``); a generator's code
  (``gi_code``); ``getattr(A, "register")``; and in its second round:
  ``sys.meta_path`` (its BuiltinImporter loads ``gc``), a wrapper's function
  (``.func``, ``.fget``), ``ABCMeta`` and ``EnumMeta`` (called with a
  namespace of hooks), ``type(C)(...)`` of a class, the hook names as text
  (a namespace's keys), ``make_dataclass`` and ``dataclasses.fields``,
  ``__annotations__`` read or bound (a dataclass exec's its field names), a
  method handed out by a wrapper's keywords, a default or a decorator in its
  class body, ``staticmethod(method)`` under another name, a format field
  with a ``}`` in its index (fields are read as ``str.format`` reads them),
  a positional class pattern of a class that may have virtual subclasses
  (an ``abc.ABC``); and in its third round: a private name a base of a
  module's uses (``self._vformat`` of a ``string.Formatter`` subclass,
  ``self._target`` of a ``threading.Thread`` one), a class with a base the
  policy cannot name (``class R(type(x))``), ``breakpointhook``
  (``PYTHONBREAKPOINT`` makes it ``eval``), ``logging.FileHandler`` and
  ``basicConfig(filename=...)`` (``/proc/self/mem``), ``TypedDict``,
  ``case object(__class__=k)``, a module reached as an attribute used as a
  value (``update_wrapper(box, os.path)``), defining ``__dict__``, the insides
  of another object's wrapper (``.func``, ``.fget`` read; ``.args``,
  ``.kwds`` written). A signal handler is handed a frame, which it cannot
  read. And in its fourth round: defining ``__getattr__``,
  ``__getattribute__``, ``__setattr__`` or ``__delattr__`` (stdlib code asks
  them for dunder names: deepcopy's ``__deepcopy__``, a dataclass's
  ``__annotations__``); ``update_wrapper`` into anything but a function the
  file defines, ``wraps`` other than as a def's decorator; the class of an
  object not of the learner's classes called, or kept anywhere but to read
  its name, compare it or test it (``type(sys.stdout.buffer.raw)`` is
  ``io.FileIO``), but ``raise type(e)(...)``; ``os.dup2`` and the
  descriptor-passing calls, ``socket(fileno=...)`` (a socketpair put in
  place of the grader's channel read the runner's token). And in its fifth
  round: ``os.close`` of anything but a name ``os.pipe()`` binds (the next
  socket takes a closed descriptor's number: the grader's channel),
  ``socket.close``; ``enum.global_enum`` and its kin, binding
  ``__module__``, a ``module=`` keyword (an enum's members written into
  ``json``: ``json.dumps`` replaced, every line to the grader went through
  the learner's code); ``shlex.shlex`` and ``sourcehook`` (``open()``).
  And in its sixth: changing an attribute of anything that may be a module
  or a module's object however it was named (``S = socket.socket;
  S.sendall = spy`` saw every line to the grader; ``T = threading.Thread``,
  ``for T in (threading.Thread,)``, ``setattr(threading.Thread, ...)``),
  ``dataclass`` or ``total_ordering`` of a module's class; ``sys.path``
  and ``os.memfd_create`` (a module not loaded yet came from a zip in
  memory); ``redirect_stdout`` and ``redirect_stderr`` but in a ``with``.
  And in its seventh: ``os.fwalk`` (it calls back into a learner's ``str``
  subclass with a descriptor of any path open). Where the grader runs as
  root the learner's process runs as another uid and cannot open its own
  ``/proc/self/mem`` or the grader's; where it does not, reading memory
  would reach every token: that is the limit of grading without root.
  And in its eighth: ``os.read``, ``os.write``, ``os.dup`` and os's other
  calls on a descriptor number (FD_OPS) but on one ``os.pipe()`` gave (a
  copy of the runner's channel killed the runner with extra replies and
  carried forged calls, tokens and all); a method named again in its class
  body by anything but a plain name of that scope (``holder.peek = peek``,
  ``global G; G = peek``); a store through what the file's own function
  returns or a dict holds (``same(threading.Thread).peek = peek``);
  ``dataclass(...)(threading.Thread)``.
  Accepted since: ``getattr(self, "_x", 0)`` and
  ``hasattr(self, "_x")`` in a method (read as ``self._x``), ``type(n) ==
  int``, ``type(e) in (TimeoutError, OSError)`` and ``issubclass(type(e),
  ValueError)`` with builtin classes, ``isinstance(k, type)``, a
  ``register`` method of an instance, ``@functools.lru_cache`` on a method,
  a ``queue.Queue`` subclass's documented ``_init``/``_qsize``/``_put``/``_get``;
  (twenty-ninth session) ``self.format(record)`` in a method of a class whose
  bases are only ``logging.Handler`` and its kin.
  Calling a grader's class's method with another of its objects
  (``type(bank).debit(lock, ...)``) is an operation the other object does
  not have: the grader fails it as one.

The verdict should not depend on this: the grader trusts its own ledger and
the kernel (labs.practice.engine; the kernel counts of the learner's process
and of the processes below it), except for one fact it still takes from the
learner's process: how a call ended, as its runner thread reports it with
the call's token (engine.GRep.op_call), which the frames the policy refuses
would reach (see tests/gaps/README.md); while the code runs, the guard
(labs.practice.guard) ends a process that reaches for frames, the object
graph or /proc however it spelled them. The policy keeps honest mistakes and
dishonest shortcuts apart, and says so in one line.
"""
from __future__ import annotations

import ast
import builtins
import collections
import importlib
import importlib.util
import re
import string
import sys
import types

COMMON_MODULES = ("threading", "queue", "time", "logging", "collections", "functools",
                  "itertools", "contextlib", "dataclasses", "typing", "math", "random",
                  "sys", "os", "signal", "enum", "__future__",
                  # pure helpers a right answer may well use (eleventh hostile reading:
                  # re and shlex to read a command, errno and io around a read); not
                  # traceback, inspect or operator: they reach frames or any attribute
                  "re", "string", "shlex", "errno", "io", "heapq", "bisect", "abc")
# dunder attributes any code may read: names and documentation, nothing that
# reaches an object's insides (``type(e).__name__``, ``fn.__name__`` in a
# decorator; right-answer round, fifteenth session); and its class, which
# ``type(e)`` gives anyway (``e.__class__.__name__`` in a log line;
# right-answer round, twenty-fourth session)
NAMES = {"__name__", "__qualname__", "__doc__", "__class__",
         # an exception's chain: other exceptions (a policy review, twenty-seventh
         # session: ``e.__cause__`` in a log line was refused)
         "__cause__", "__context__"}
# the public methods of a named tuple, whose underscore only keeps them from
# its fields' names (``p._replace(x=1)``; the grader's objects have none)
NAMED_TUPLE = {"_replace", "_asdict", "_fields", "_make", "_field_defaults"}

FORBIDDEN_CALLS = {"exec", "eval", "compile", "__import__", "globals", "locals", "vars",
                   "open", "breakpoint"}
FORBIDDEN_ATTRS = {"_getframe", "settrace", "setprofile", "gettrace", "getprofile",
                   "f_back", "f_globals", "f_locals", "f_code", "f_builtins", "tb_frame",
                   "tb_next", "gi_frame", "cr_frame", "ag_frame", "modules", "monitoring",
                   "_current_frames", "fork", "forkpty", "setsid", "setpgid", "setpgrp",
                   "execv", "execve", "execvp", "execvpe", "execl", "execle", "execlp",
                   "execlpe", "spawnv", "spawnve", "spawnvp", "spawnvpe", "spawnl", "spawnle",
                   "spawnlp", "spawnlpe", "startfile", "register_at_fork",
                   "system", "popen", "posix_spawn", "posix_spawnp", "pidfd_open",
                   "setswitchinterval", "setrecursionlimit", "addaudithook",
                   "setuid", "setgid", "settrace_all_threads", "setprofile_all_threads",
                   "_exit_function", "get_referrers", "get_referents", "get_objects",
                   # threading's C locks, whose timed acquire keeps the real clock
                   # where the exercise's fast clock is the learner's (wire.Clock)
                   "_allocate_lock", "_CRLock",
                   # a format field's attribute read by name (a policy review, twenty-
                   # fourth session: string.Formatter().get_field("0._w", (bank,), {}))
                   "get_field", "get_value", "vformat", "makeLogRecord",
                   # a class's bases, as classes to take methods from (twenty-fifth session)
                   "mro",
                   # an annotation evaluated from its text (eval by another name:
                   # typing.get_type_hints, functools.singledispatch's register), a
                   # frame (a policy review, twenty-fifth session)
                   "get_type_hints", "ForwardRef", "evaluate_forward_ref", "singledispatch",
                   "singledispatchmethod", "currentframe", "get_annotations",
                   # the caller's frames, as text, and open() by other names (a policy
                   # review, twenty-seventh session: io.open of a reference answer)
                   "findCaller", "FileIO", "open_code", "fdopen",
                   # a generator's code, remade with other names (code.replace(co_names=...))
                   # and called (a policy review, twenty-eighth session)
                   "gi_code", "cr_code", "ag_code",
                   # (its second round) the importers, whose BuiltinImporter loads gc and
                   # builtins with no import statement; the function inside a wrapper
                   # (a @contextmanager's .func, a property's .fget), callable with any
                   # object as self; metaclasses, called with a namespace of hooks; a
                   # dataclass made from names given as text (they are exec'd)
                   "meta_path", "path_hooks", "path_importer_cache",
                   "ABCMeta", "EnumMeta", "EnumType", "make_dataclass",
                   # (its third round) eval by PYTHONBREAKPOINT; open() by another name
                   # (/proc/self/mem, read and written); TypedDict's functional form,
                   # whose keys need not be names (a dataclass exec's them, once copied)
                   "breakpointhook", "FileHandler", "TypedDict",
                   # (its fourth round) a descriptor of the grader's channel taken over
                   # (os.dup2 of a socketpair's end onto it: a relay read the runner's
                   # reports, token and all); descriptors passed as data
                   "dup2", "dup3", "fromfd", "fromshare", "send_fds", "recv_fds",
                   "sendmsg", "recvmsg", "recvmsg_into",
                   # (its fifth round) enum's global_enum writes an enum's members into
                   # the module its __module__ names (json.dumps replaced: every line
                   # to the grader, tokens and all, went through the learner's code);
                   # shlex's sourcehook is open()
                   "global_enum", "global_enum_repr", "global_flag_repr", "global_str",
                   "sourcehook", "closerange", "memfd_create",
                   # (its seventh) os.fwalk opens each name it is handed, then calls back
                   # (os.path.join of a learner's str subclass) with the descriptor open:
                   # any file, /proc/self/mem where the grader is not root
                   "fwalk"}
# the insides of another object's wrapper: read (a @contextmanager's .func, a
# property's .fget: callable with any object as self), or written (its .args and
# .kwds: a @contextmanager object used as a decorator makes itself again from
# them); a learner's own object's attributes of these names are its business
WRAPPER_INSIDES = {"func", "fget", "fset", "fdel", "args", "kwds", "gen", "keywords"}
# the builtins that read or write an attribute by name: only called, with the name
# written out (``getattr(x, "y")`` is read as ``x.y``)
REACH = {"getattr", "setattr", "delattr", "hasattr"}
# the builtins above reached as an attribute (``enum.bltns.eval``, ``io.open``: a
# policy review, twenty-seventh session); ``re.compile`` is re's own
FORBIDDEN_ATTR_CALLS = (FORBIDDEN_CALLS - {"compile"}) | REACH
# a module's functions that hand out what the policy keeps in (a policy review,
# twenty-eighth session): a dataclass's fields' .type, the classes its annotations
# name, whatever their spelling (``getattr(f, "type")``, ``case Field(type=k)``)
MODULE_FORBIDDEN = {"dataclasses": {"fields"},
                    # a descriptor closed that the submission did not open: its number
                    # goes to the next socket it makes (os.dup, socketpair), in the place
                    # of the grader's channel (a policy review's fifth round); close the
                    # objects you open instead (sock.close())
                    "os": {"close"},  # (and FD_OPS, below)
                    "socket": {"close"},
                    # the lexer whose `source` makes it open files; shlex.split reads a
                    # line as the statements need
                    "shlex": {"shlex"},
                    # (its sixth round) an import path of its own: a module of the
                    # standard library not loaded yet (_strptime) came from a zip the
                    # submission wrote into memory (os.memfd_create)
                    "sys": {"path", "path_hooks", "path_importer_cache"}}
# os's calls on a descriptor number: only on one os.pipe() gave the submission
# (``_pipe_calls``); on another, the grader's channel is read and written (a
# policy review's eighth round: a copy of the runner's channel, os.dup'ed,
# killed the runner with extra replies and carried forged calls, tokens and all)
FD_OPS = {"close", "read", "write", "dup", "readv", "writev", "pread", "pwrite", "preadv",
          "pwritev", "sendfile", "splice", "copy_file_range", "set_blocking", "lseek",
          "ftruncate", "fsync", "fdatasync", "fchmod", "fchown", "tcsetpgrp", "set_inheritable",
          "get_blocking", "device_encoding", "isatty", "ttyname", "fstatvfs"}
MODULE_FORBIDDEN["os"] = MODULE_FORBIDDEN["os"] | FD_OPS
# the one private attribute of a module a learner may use: ``os._exit`` (documented)
MODULE_PRIVATE_OK = {"_exit"}
# the types whose class pattern ``case int(x)`` binds the subject itself; any other
# class's positional pattern reads the attributes its __match_args__ names
SELF_MATCHING = {"bool", "bytearray", "bytes", "dict", "float", "frozenset", "int", "list",
                 "set", "str", "tuple"}
FIELD_ATTR = re.compile(r"\.\s*([A-Za-z_]\w*)")  # each attribute a format field reads


class Refused(ValueError):
    """The submission uses a construct the policy refuses: one line."""


def check(source: str, modules=COMMON_MODULES, filename: str = "your code") -> None:
    """Raise Refused naming the first refused construct and its line."""
    try:
        tree = ast.parse(source, filename)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return  # the static check says what is wrong with it
    try:
        _check(tree, modules)
    except RecursionError:
        # a chain of a thousand classes, say, the reading follows as deep as
        # Python lets it (a traceback wall until the twenty-eighth session)
        _refuse(tree.body[0] if tree.body else tree, "code nested too deeply to read")


def _check(tree, modules) -> None:
    # A learner's own test code under `if __name__ == "__main__":` never runs
    # in the grader (the module is imported): it is not read either.
    if any(isinstance(n, ast.Name) and n.id == "__name__" and not isinstance(n.ctx, ast.Load)
           for n in ast.walk(tree)):
        _refuse(next(n for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id == "__name__"
                     and not isinstance(n.ctx, ast.Load)), "assigning __name__")
    tree.body = runs_on_import(tree.body)
    allowed = set(modules)
    imported = _import_names(tree)  # a name bound by an import -> the module it names
    bindings = _bindings(tree)      # each name -> the nodes that bind it
    parents_of = {id(c): n for n in ast.walk(tree) for c in ast.iter_child_nodes(n)}
    pipe_closes = _pipe_closes(tree, parents_of, bindings)

    def rooted(expr) -> bool:
        return _rooted_in_a_module(expr, bindings, parents_of)
    decorated = {id(d): f for f in ast.walk(tree) if isinstance(
        f, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) for d in f.decorator_list}
    # what each name is where it is used: an instance of the submission's own
    # classes (its private attributes are the learner's own business), one of
    # those classes, a module, or anything else (a parameter, a loop variable,
    # `x = bank`: it could hold a grader's object). Read per scope, as Python
    # reads names: a helper's parameter called `stats` says nothing of a
    # `stats = Stats()` in another function (right-answer round, twenty-fourth
    # session)
    scopes = _Scopes(tree, _machinery_classes(tree))
    for name in ("__name__", "__match_args__", "super"):
        # __name__ bound any way (a def, a class, a match capture) would switch on
        # the main guard the policy skips; __match_args__ makes a class pattern read
        # the attributes it names; a super of one's own is not super()
        if any(name in sc.kinds or name in sc.declared for sc in scopes.all):
            _refuse(next((n for n in ast.walk(tree) if _binds(n, name)), tree.body[0]),
                    "assigning __name__" if name == "__name__" else f"binding {name}")
    methods, own_methods = _method_self_attributes(tree, scopes)
    privates = _base_privates(tree)
    for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
        base, workings = privates.get(cls.name, ("", set()))
        for a in ast.walk(cls):
            if id(a) in methods and _read_name(a) in workings:
                # (a policy review, twenty-eighth session: string.Formatter's
                # _vformat, called on a subclass's self, read any attribute)
                _refuse(a, f"self.{_read_name(a)} (a private attribute of {base}: its "
                           "workings, not your class's; name yours otherwise)")
    _methods_stay_in_their_class(tree)
    _classes_stay_classes(tree, scopes, methods)
    called_names = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
    # `Base.__init__(self, ...)`, `Base.stop(self)` in a method of the learner's own
    # class, given its own self: the calls of a method taken from its class that
    # pass no object of their choice
    on_self = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)
               and isinstance(n.func, ast.Attribute)
               and n.args and isinstance(n.args[0], ast.Name)
               and n.args[0].id == scopes.first_parameter(n)
               and id(scopes.scope_of.get(id(n), scopes.module).node) in own_methods}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                _module(a.name, allowed, node)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                _refuse(node, "a relative import")
            _module(node.module or "", allowed, node)
            for a in node.names:
                if a.name == "*":
                    # the names it binds are never read here (``from sys import *``
                    # binds modules; a policy review, twenty-eighth session)
                    _refuse(node, f"from {node.module} import * (import the names you use)")
                if a.name.startswith("_") or a.name in FORBIDDEN_ATTRS \
                        or a.name in MODULE_FORBIDDEN.get(node.module or "", ()):
                    _refuse(node, f"importing {a.name} from {node.module}")
                if _submodule(node.module or "", a.name):
                    _module(f"{node.module}.{a.name}", allowed, node)
                elif _module_reached(_loaded(node.module or ""), a.name):
                    _refuse(node, f"importing {a.name} from {node.module} (a module reached "
                                  "through another: import only what the exercise lists)")
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                and _field_reads_forbidden(node.value):
            _refuse(node, "a format field that reads a private attribute or a frame")
        if isinstance(node, ast.Constant) and node.value in HOOK_NAMES:
            # a hook defined as a namespace's key (``type(C)("B", (), {"__init_subclass__":
            # hook})``, a metaclass called: a policy review, twenty-eighth session)
            _refuse(node, f"the text {node.value!r} (a hook of the class machinery)")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Call) \
                and _called_name(node.func) == "type" and len(node.func.args) == 1 \
                and isinstance(node.func.args[0], ast.Name) \
                and node.func.args[0].id in scopes.bodies:
            # type(C)(...) of a class C: its metaclass, called (a class made at run time)
            _refuse(node, f"{ast.unparse(node.func)}() (the class of a class: a class made "
                          "at run time)")
        inner = (node.func.args[0] if isinstance(node, ast.Call) and isinstance(node.func, ast.Call)
                 and isinstance(node.func.func, ast.Name) and node.func.func.id == "type"
                 and len(node.func.args) == 1
                 else node.func.value if isinstance(node, ast.Call)
                 and isinstance(node.func, ast.Attribute) and node.func.attr == "__class__"
                 else None)
        if inner is not None and not isinstance(parents_of.get(id(node)), ast.Raise) \
                and not (isinstance(inner, ast.Name) and (
                scopes.at(node).own(inner.id)
                or inner.id == scopes.first_parameter(node)
                and id(scopes.scope_of.get(id(node), scopes.module).node) in own_methods)):
            # type(sys.stdout.buffer.raw)(path, "r+b") is io.FileIO, whose name is
            # refused; type(threading.Lock())() a C lock (a policy review's fourth
            # round, twenty-eighth session): only a class of the learner's is called
            _refuse(node, f"{ast.unparse(node.func)}() (the class of an object not of your "
                          "classes, called)")
        if _called_name(node) == "socket" and isinstance(node, ast.Call) and (
                len(node.args) > 3 or any(k.arg in ("fileno", None) for k in node.keywords)):
            # a socket object over a descriptor of the grader's channel
            _refuse(node, "socket(fileno=...) (a socket over a descriptor you did not open)")
        if isinstance(node, ast.Attribute) and node.attr in ("format", "format_map") \
                and not _written_out(node.value, tree, scopes) \
                and not (node.attr == "format" and _handler_self(node, tree, scopes, parents_of)):
            _refuse(node, f".{node.attr}() of a format that is not written out")
        called = _called_name(node)
        if isinstance(node, ast.Call) and called in FORMATTERS:
            fmt = [*node.args[:1], *(k.value for k in node.keywords if k.arg in ("fmt", "format"))]
            if any(k.arg is None for k in node.keywords) or any(
                    isinstance(a, ast.Starred) for a in node.args):
                # Formatter(**{"fmt": ..., "style": "{"}): keywords not written out
                # (a policy review, twenty-seventh session)
                _refuse(node, f"a {called} given ** or * arguments")
            if any(not _written_out(f, tree, scopes) for f in fmt):
                _refuse(node, f"a {called} of a format that is not written out")
        if isinstance(node, (ast.Name, ast.Attribute)) and isinstance(node.ctx, ast.Load) \
                and (node.id if isinstance(node, ast.Name) else node.attr) in FORMATTERS \
                and id(node) not in called_names:
            # Fmt = logging.Formatter; Fmt(...): the check above reads calls by name
            _refuse(node, f"{ast.unparse(node)} used other than called")
        if isinstance(node, ast.Call) and any(k.arg in ("module", "qualname")
                                              for k in node.keywords):
            # Enum("Spy", "dumps", module="json"): the module its members go to
            _refuse(node, f"{ast.unparse(node.func)}(..., module=...) (a module named as text)")
        if isinstance(node, ast.Call) and node.args and rooted(node.args[0]) and (
                called in ("dataclass", "total_ordering")
                or _called_name(node.func) == "dataclass"):
            # dataclasses.dataclass(threading.Thread) writes into the class
            _refuse(node, f"{ast.unparse(node.func)}() of a module's class")
        if called in ("redirect_stdout", "redirect_stderr") and not isinstance(
                parents_of.get(id(node)), ast.withitem):
            # kept entered (an ExitStack never closed), they replace sys.stdout for the
            # rest of the process, the jail's own output included
            _refuse(node, f"{called}() other than in a with statement")
        if called == "basicConfig" and isinstance(node, ast.Call) and any(
                k.arg in ("filename", "filemode") for k in node.keywords):
            # a FileHandler by another name: open() of any path (/proc/self/mem)
            _refuse(node, "basicConfig(filename=...) (logging to a file: log to stderr)")
        if called in WRAPPERS and isinstance(node, ast.Call) and (
                node.keywords or len(node.args) != WRAPPERS[called]
                or any(isinstance(a, ast.Starred) for a in node.args)):
            # update_wrapper(dst, src, assigned=("_call",)): getattr and setattr of
            # names given as data (a policy review, twenty-eighth session)
            _refuse(node, f"{called}() with other arguments than the function"
                          + ("s" if WRAPPERS[called] > 1 else ""))
        if called == "update_wrapper" and isinstance(node, ast.Call) and not (
                isinstance(node.args[0], ast.Name) and bindings.get(node.args[0].id)
                and all(isinstance(b, (ast.FunctionDef, ast.AsyncFunctionDef))
                        for b in bindings[node.args[0].id])):
            # it copies the other's __dict__ (a thread's private attributes) and
            # __annotations__ into the first: only into a function of the file's (a
            # policy review, twenty-eighth session)
            _refuse(node, "update_wrapper() of something other than a function you define")
        if called == "wraps" and isinstance(node, ast.Call) and not any(
                isinstance(d, (ast.FunctionDef, ast.AsyncFunctionDef)) and node in d.decorator_list
                for d in [decorated.get(id(node))]):
            _refuse(node, "wraps() other than as the decorator of a def")
        if isinstance(node, (ast.Name, ast.Attribute)) and isinstance(node.ctx, ast.Load) \
                and (node.id if isinstance(node, ast.Name) else node.attr) in WRAPPERS \
                and id(node) not in called_names:
            _refuse(node, f"{ast.unparse(node)} used other than called")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id == "type" and len(node.args) + len(node.keywords) > 1:
            # a class made at run time, a base whose __new__ returns what it is
            # given (a policy review, twenty-seventh session): write a class
            _refuse(node, "type() with more than one argument (a class made at run time)")
        if isinstance(node, ast.Attribute) and node.attr == "register" \
                and _a_class_to_register(node.value, node, scopes) \
                or _called_name(node) == "getattr" and isinstance(node.func, ast.Name) \
                and len(node.args) > 1 and isinstance(node.args[1], ast.Constant) \
                and node.args[1].value == "register" \
                and _a_class_to_register(node.args[0], node, scopes):
            # a class of its own made a virtual base of another: a positional class
            # pattern of it then matches the grader's objects and reads what its
            # fields name (a policy review, twenty-seventh session; by getattr, the
            # twenty-eighth)
            _refuse(node, f"{ast.unparse(node)} (a virtual subclass)")
        if isinstance(node, ast.MatchClass) and node.patterns and not (
                isinstance(node.cls, ast.Name) and node.cls.id in SELF_MATCHING
                and not any(node.cls.id in sc.kinds for sc in scopes.all)) and not (
                # a class of its own (a dataclass's fields): the subject must be one,
                # and no ``register`` may make it a virtual base of another
                isinstance(node.cls, ast.Name) and scopes.at(node).own(node.cls.id)
                and not _may_have_virtual_subclasses(node.cls.id, tree, bindings)):
            _refuse(node, "a positional class pattern (it reads the attributes the class's "
                          "__match_args__ names)")
        if isinstance(node, ast.Name) and node.id in FORBIDDEN_CALLS:
            _refuse(node, f"{node.id}()" if id(node) in called_names else node.id)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                and isinstance(node.ctx, ast.Load) and scopes.unbound_method(node, on_self):
            _refuse(node, f"{node.value.id}.{node.attr} (a method taken from its class: "
                          "call it on an instance)")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            name = node.func.id
            if name in REACH:
                attr = node.args[1] if len(node.args) > 1 else None
                if not (isinstance(attr, ast.Constant) and isinstance(attr.value, str)):
                    _refuse(node, f"{name}() with an attribute name not written out")
                if attr.value.startswith("__") and attr.value not in NAMES - {"__class__"}:
                    _refuse(node, f"{name}() of the dunder attribute {attr.value}")
                if attr.value in ("format", "format_map") or attr.value in FORMATTERS:
                    # a format applied without its .format() in sight (a policy
                    # review, twenty-seventh session)
                    _refuse(node, f"{name}() of .{attr.value}")
                if id(node) not in methods:  # getattr(self, "_x") in a method of its class
                    _attribute(node, attr.value, node.args[0], imported, scopes.at(node),
                               written=name in ("setattr", "delattr"))
                elif attr.value in FORBIDDEN_ATTRS or attr.value in FORBIDDEN_ATTR_CALLS:
                    _refuse(node, f"{name}() of .{attr.value}")
                target = node.args[0]
                if name in ("setattr", "delattr") and isinstance(target, ast.Name) \
                        and target.id in imported:
                    _refuse(node, f"changing {target.id}.{attr.value} (a module's attribute)")
                if name in ("setattr", "delattr") and rooted(target):
                    _refuse(node, f"changing {ast.unparse(target)}.{attr.value} (part of a "
                                  "module)")
        elif isinstance(node, ast.Attribute):
            if node.attr == "__init__" and id(node) not in on_self and not (
                    isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name)
                    and node.value.func.id == "super"):
                # `Reader.__init__(bank)`, `threading.Thread.__init__(bank)`: an
                # __init__ runs on the object it is given (a policy review,
                # twenty-fifth session); only on a method's own self
                _refuse(node, f"{ast.unparse(node)} other than called on self in a method")
            if id(node) not in methods:  # self._x inside a method of the learner's class
                _attribute(node, node.attr, node.value, imported, scopes.at(node),
                           pipe_close=id(node) in pipe_closes)
            elif node.attr in FORBIDDEN_ATTRS or node.attr in FORBIDDEN_ATTR_CALLS:
                _refuse(node, f".{node.attr}")  # ... but never self._getframe, self.modules
            elif node.attr.startswith("__") and node.attr.endswith("__") \
                    and node.attr not in NAMES | {"__init__"}:
                # self.__closure__ in a method that may be given any object as self
                # (a policy review, twenty-seventh session); self.__count (mangled) is
                # the learner's own
                _refuse(node, f"the dunder attribute .{node.attr}")
        elif isinstance(node, ast.MatchClass):
            # `case object(_w=w)` reads the subject's attribute _w: an attribute
            # like any other (the subject may be anything: its private ones too)
            for attr in node.kwd_attrs:
                _attribute(node, attr, None, imported, scopes.at(node))
        elif isinstance(node, ast.Name) and node.id in ("__builtins__", "__loader__",
                                                        "__spec__", "__annotations__",
                                                        "__annotate__"):
            # (``__annotations__``: the classes annotations name, read back; bound,
            # a dataclass's field names, which it exec's: a policy review,
            # twenty-eighth session)
            _refuse(node, node.id)
    # a module as a value (``m = enum``, ``helper(enum)``): its attributes are read
    # where the policy cannot tell it is a module (``m.bltns``: a module reached
    # through another, twenty-seventh session); only its attributes are read
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load) \
                and isinstance(_resolved(node, imported, scopes.at(node)), types.ModuleType):
            # os.path as a value (update_wrapper(box, os.path) copied its globals,
            # __builtins__ among them: a policy review, twenty-eighth session)
            up = parents_of.get(id(node))
            if not (isinstance(up, ast.Attribute) and up.value is node):
                _refuse(node, f"{ast.unparse(node)} (a module) used other than to read its "
                              "attributes")
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) \
                and node.id in imported and scopes.at(node).module(node.id):
            up = parents_of.get(id(node))
            if not (isinstance(up, ast.Attribute) and up.value is node) and not (
                    isinstance(up, ast.Call) and _called_name(up) in ("getattr", "hasattr")
                    and up.args and up.args[0] is node):
                _refuse(node, f"{node.id} (a module) used other than to read its attributes")
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, (ast.Store, ast.Del)) \
                and rooted(node.value):
            # T = threading.Thread; T.run = f, socket.socket's sendall replaced: the
            # classes the jail and its channel to the grader use (a policy review's
            # sixth round, twenty-eighth session)
            _refuse(node, f"changing {ast.unparse(node)} (part of a module)")
    for node in ast.walk(tree):  # `g = getattr; g(os, "fo" + "rk")` would reach around the rules
        if isinstance(node, ast.Name) and node.id in REACH and id(node) not in called_names:
            _refuse(node, f"{node.id} used other than in a call")


# functools' copiers of attributes, with how many arguments they are given plainly
# (``@functools.wraps(fn)``, ``update_wrapper(wrapper, fn)``): their ``assigned``
# and ``updated`` name attributes as data
WRAPPERS = {"wraps": 1, "update_wrapper": 2}

# what formats log records by a format it is given ("{b._w}" with extra={"b": bank})
FORMATTERS = {"Formatter", "basicConfig", "StrFormatStyle", "PercentStyle",
              "StringTemplateStyle", "BufferingFormatter"}


# what a class body may do with one of its methods: bind it to another name
# (followed: ``alias = method``), or wrap it
# (not staticmethod: ``sp = staticmethod(peek)`` is the method function under
# another name, called on an instance with any object as self; a policy review,
# twenty-eighth session)
METHOD_WRAPPERS = {"property", "classmethod", "cached_property", "abstractmethod",
                   "contextmanager"}


def _methods_stay_in_their_class(tree) -> None:
    """A class body uses its methods only in ``def``s, their decorators and
    ``alias = method`` or ``x = property(method)``: a method function handed
    out otherwise (``GRAB.append(method)``) is a plain function, and any
    object it is called with is its ``self`` (a policy review, twenty-seventh
    session)."""
    for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
        defs = {n.name for n in cls.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
        # (``global G`` then ``G = peek``, ``holder.peek = peek``: a method handed out
        # by an alias outside the class's scope; a policy review's eighth round)
        declared = {name for n in cls.body if isinstance(n, (ast.Global, ast.Nonlocal))
                    for name in n.names}
        for stmt in cls.body:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                # its decorators and defaults run in the class body (``def m(self,
                # x=GRAB.append(peek))``: a policy review, twenty-eighth session), but
                # a property's ``@value.setter``
                parts = [*(d for d in stmt.decorator_list
                           if not (isinstance(d, ast.Attribute) and isinstance(d.value, ast.Name)
                                   and d.attr in ("setter", "getter", "deleter"))),
                         *stmt.args.defaults, *(d for d in stmt.args.kw_defaults if d)]
            elif isinstance(stmt, ast.ClassDef):
                parts = [*stmt.decorator_list, *stmt.bases, *stmt.keywords]
            else:
                value = stmt.value if isinstance(stmt, (ast.Assign, ast.AnnAssign)) else None
                targets = stmt.targets if isinstance(stmt, ast.Assign) else \
                    [stmt.target] if isinstance(stmt, ast.AnnAssign) else []
                if isinstance(value, ast.Name) and all(
                        isinstance(t, ast.Name) and t.id not in declared for t in targets):
                    continue  # an alias in the class's own scope: followed as the method itself
                if isinstance(value, ast.Call) and _called_name(value) in METHOD_WRAPPERS \
                        and all(isinstance(a, ast.Name) for a in value.args) \
                        and not value.keywords:
                    continue  # property(get, set): checked as the methods it wraps
                parts = [stmt]
            for n in (n for part in parts for n in ast.walk(part)):
                if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load) and n.id in defs:
                    _refuse(n, f"{n.id} (a method of {cls.name}) used in its class body "
                               "other than wrapped or named again")


def _rooted_in_a_module(expr, bindings, parents, seen=frozenset()) -> bool:
    """``expr`` may be a module or a module's object, however it was named:
    ``threading.Thread``, ``T`` after ``T = threading.Thread`` or ``from
    threading import Thread``, ``T`` of ``for T in (threading.Thread,)``,
    ``getattr(threading, "Thread")``; not what a call returns (``Thread()``
    is an instance: ``t.daemon = True`` is ordinary)."""
    while isinstance(expr, (ast.Attribute, ast.Subscript, ast.Starred)):
        expr = expr.value
    if isinstance(expr, (ast.Tuple, ast.List, ast.Set)):
        return any(_rooted_in_a_module(e, bindings, parents, seen) for e in expr.elts)
    if isinstance(expr, ast.Dict):
        return any(_rooted_in_a_module(v, bindings, parents, seen) for v in expr.values)
    if isinstance(expr, ast.Call):
        if _called_name(expr) in REACH:
            return bool(expr.args) and _rooted_in_a_module(expr.args[0], bindings, parents, seen)
        # a call of a module's function or class makes something new (an instance);
        # one of the file's own may hand back what it was given (``same(T).x = f``:
        # a policy review's eighth round)
        if _rooted_in_a_module(expr.func, bindings, parents, seen):
            return False
        return any(_rooted_in_a_module(a, bindings, parents, seen)
                   for a in (*expr.args, *(k.value for k in expr.keywords)))
    if not isinstance(expr, ast.Name) or expr.id in seen:
        return False
    seen = seen | {expr.id}
    for b in bindings.get(expr.id, ()):
        if isinstance(b, ast.alias):
            return True
        up = parents.get(id(b))
        while isinstance(up, (ast.Tuple, ast.List, ast.Starred)):
            up = parents.get(id(up))
        source = (up.value if isinstance(up, (ast.Assign, ast.AnnAssign, ast.NamedExpr))
                  else up.iter if isinstance(up, (ast.For, ast.AsyncFor, ast.comprehension))
                  else up.context_expr if isinstance(up, ast.withitem) else None)
        if source is not None and _rooted_in_a_module(source, bindings, parents, seen):
            return True
    return False


def _pipe_closes(tree, parents, bindings) -> set[int]:
    """The ``os.close`` (or ``os.read``, ``os.write``...: FD_OPS) attributes
    called on a descriptor the submission
    opened with ``os.pipe()`` (the self-pipe of a wake-up fd): a name that
    only ``r, w = os.pipe()`` binds, ``p[0]`` of a name only ``p = os.pipe()``
    binds, or ``self.r`` of an attribute name only such a tuple assignment
    sets, anywhere, and no other binding or ``setattr`` names (a policy
    review's sixth round: a self-pipe in attributes was refused). Any other
    ``os.close`` could close the grader's channel, whose number the next socket
    then takes."""
    def is_pipe(call) -> bool:
        return _called_name(call) in ("pipe", "pipe2")

    def in_pipe_tuple(target) -> bool:
        t = parents.get(id(target))
        a = parents.get(id(t)) if isinstance(t, ast.Tuple) else None
        return isinstance(a, ast.Assign) and t in a.targets and is_pipe(a.value)

    def name_from_pipe(name: str, whole: bool) -> bool:
        found = bindings.get(name, [])
        for b in found:
            a = parents.get(id(b))
            if not (isinstance(b, ast.Name) and (
                    (isinstance(a, ast.Assign) and b in a.targets and is_pipe(a.value))
                    if whole else in_pipe_tuple(b))):
                return False
        return bool(found)

    def attribute_from_pipe(attr: str) -> bool:
        stores = [n for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr == attr
                  and isinstance(n.ctx, (ast.Store, ast.Del))]
        reached = any(_called_name(n) in REACH and len(n.args) > 1
                      and isinstance(n.args[1], ast.Constant) and n.args[1].value == attr
                      for n in ast.walk(tree))
        return bool(stores) and all(in_pipe_tuple(n) for n in stores) and not reached \
            and not any(in_class_body(b) for b in bindings.get(attr, ()))

    def in_class_body(node) -> bool:  # (``r = 7`` there is what self.r reads when unset)
        up = parents.get(id(node))
        while up is not None and not isinstance(up, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                     ast.Lambda, ast.ClassDef)):
            up = parents.get(id(up))
        return isinstance(up, ast.ClassDef)

    def from_pipe(arg) -> bool:
        if isinstance(arg, ast.Name):
            return name_from_pipe(arg.id, whole=False)
        if isinstance(arg, ast.Subscript) and isinstance(arg.value, ast.Name) \
                and isinstance(arg.slice, ast.Constant) and arg.slice.value in (0, 1):
            return name_from_pipe(arg.value.id, whole=True)
        if isinstance(arg, ast.Attribute) and isinstance(arg.value, ast.Name):
            return attribute_from_pipe(arg.attr)
        return False
    return {id(c.func) for c in ast.walk(tree) if isinstance(c, ast.Call)
            and isinstance(c.func, ast.Attribute) and c.func.attr in FD_OPS
            and c.args and from_pipe(c.args[0])}


def _a_class_to_register(value, node, scopes) -> bool:
    """``value`` is a class of the learner's (by its class statement's name,
    or a classmethod's ``cls``) or ``abc``'s: its ``register`` makes a virtual
    subclass. An instance's own ``register`` method is its business."""
    if isinstance(value, ast.Name):
        return value.id in scopes.bodies or value.id in ("ABC", "ABCMeta") \
            or scopes.class_parameter(node, value.id) is not None
    return ast.unparse(value) in ("abc.ABC", "abc.ABCMeta")


def _called_name(node) -> str | None:
    """The name a call calls (``Formatter`` in ``logging.Formatter(...)`` or
    ``Formatter(...)``), or None."""
    if not isinstance(node, ast.Call):
        return None
    f = node.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None


def _written_out(node, tree, scopes: "_Scopes") -> bool:
    """A text written out: a constant, or a name of the module's bound only
    by assignments of constants (``LINE = "{} of {}"``, ``LINE.format(...)``;
    each constant is read as any other)."""
    if isinstance(node, ast.Constant):
        return True
    if not isinstance(node, ast.Name) or scopes.resolve(
            node.id, scopes.scope_of.get(id(node), scopes.module)) is not scopes.module:
        return False
    binds = [n for n in ast.walk(tree) if _binds(n, node.id)]
    return bool(binds) and all(
        any(n is t for stmt in tree.body if isinstance(stmt, ast.Assign)
            and isinstance(stmt.value, ast.Constant) and isinstance(stmt.value.value, str)
            for t in stmt.targets) for n in binds)


# logging's handlers: ``self.format(record)`` in a method of a subclass is
# Handler.format, its formatter's (whose format is read where it is made)
HANDLER_BASES = frozenset({"Handler", "StreamHandler", "NullHandler"})


def _handler_self(node, tree, scopes: "_Scopes", parents_of) -> bool:
    """``node`` (``x.format``) is ``self.format`` in a plain method of a class
    whose bases are only ``logging.Handler`` and its kin, ``logging`` bound only
    by ``import logging`` (the logging documentation's idiom for a handler's
    ``emit``: ``msg = self.format(record)``; a right-answer round, twenty-ninth
    session). A class of other bases (``str``) is refused as before."""
    value = node.value
    if not (isinstance(value, ast.Name) and value.id == scopes.first_parameter(node)):
        return False
    fn = scopes.scope_of.get(id(node), scopes.module).node
    cls = parents_of.get(id(fn))
    if not (isinstance(fn, ast.FunctionDef) and not fn.decorator_list
            and isinstance(cls, ast.ClassDef) and cls.bases and not cls.keywords
            and not cls.decorator_list):
        return False
    if not all(isinstance(b, ast.Attribute) and isinstance(b.value, ast.Name)
               and b.value.id == "logging" and b.attr in HANDLER_BASES for b in cls.bases):
        return False
    plain = {id(a) for imp in ast.walk(tree) if isinstance(imp, ast.Import)
             for a in imp.names if a.name == "logging" and a.asname is None}
    binds = [n for n in ast.walk(tree) if _binds(n, "logging")]
    return bool(binds) and all(id(n) in plain for n in binds)


def _field_reads_forbidden(text: str) -> bool:
    """A format field of ``text`` reads a private attribute (``"{0._w}"``), a
    frame's or a traceback's (``"{0.f_back.f_globals}"``: a policy review,
    twenty-fifth session), or a forbidden one."""
    for field in {*re.findall(r"\{([^{}]*)\}", text), *_format_fields(text)}:
        # the whole field: a "!" or ":" inside an index is part of the key
        # ("{0[!]._w}": a policy review, twenty-seventh session), and a format
        # spec has no ".name" of its own
        for attr in FIELD_ATTR.findall(field):
            if attr in FORBIDDEN_ATTRS or attr.startswith(("_", "f_", "tb_", "gi_", "cr_", "ag_")):
                return True
    return False


def _format_fields(text: str) -> list[str]:
    """The field names of ``text`` as ``str.format`` reads them (a ``}``
    inside an index is part of the key: ``"{0[}]._call}"``, a policy review,
    twenty-eighth session), those in its format specs too; none when it is
    no format."""
    try:
        out = []
        for _, name, spec, _ in string.Formatter().parse(text):
            if name is not None:
                out.append(name)
            if spec:
                out += _format_fields(spec)
        return out
    except (ValueError, RecursionError):
        return []


def runs_on_import(body) -> list:
    """The top-level statements that run when the module is imported, as the
    grader imports it: each ``if __name__ == "__main__":`` gives way to its
    ``else``/``elif`` branch (the part that runs then). Until the thirty-first
    session the whole statement was skipped, and code the policy refuses
    (``import gc``, ``sys.modules``) passed in its ``else`` (hostile round)."""
    return [s for n in body for s in (n.orelse if main_guard(n) else [n])]


def main_guard(node) -> bool:
    """Is this top-level statement ``if __name__ == "__main__":``? (Its body
    never runs in the grader: the policy and the static check skip it, but
    not its ``else``: ``runs_on_import``.)"""
    t = node.test if isinstance(node, ast.If) else None
    return (isinstance(t, ast.Compare) and isinstance(t.left, ast.Name) and t.left.id == "__name__"
            and len(t.ops) == 1 and isinstance(t.ops[0], ast.Eq)
            and isinstance(t.comparators[0], ast.Constant) and t.comparators[0].value == "__main__")


class _Scope:
    """A scope of the submission (the module, a function, a lambda, a class
    body): how it binds each name (``kinds``: "class", "import",
    "parameter", "other", or ("call", C) for ``name = C(...)``) and what it
    declares global or nonlocal."""

    def __init__(self, node, parent):
        self.node, self.parent = node, parent
        self.kinds: dict[str, set] = {}
        self.declared: dict[str, str] = {}

    def bind(self, name: str, kind) -> None:
        self.kinds.setdefault(name, set()).add(kind)


class _Names:
    """What names are in one scope: ``own(name)``, an instance of the
    submission's own classes or one of them; ``module(name)``, a module it
    imported."""

    def __init__(self, scopes: "_Scopes", scope: _Scope):
        self.scopes, self.scope = scopes, scope

    def _kinds(self, name: str) -> list[set]:
        """How ``name`` is bound where this scope reads it; in a class body
        that binds it, also at the module's level: a class body reads a name
        from the module's before it binds it, once it is deleted, and in its
        comprehensions (a policy review, twenty-fourth session), so both count."""
        where = self.scopes.resolve(name, self.scope)
        kinds = [where.kinds.get(name, set()) if where is not None else set()]
        if where is self.scope and isinstance(self.scope.node, ast.ClassDef):
            kinds.append(self.scopes.module.kinds.get(name, set()))
        return kinds

    def own(self, name: str) -> bool:
        return all(bool(kinds) and all(self.scopes.own_kind(name, k) for k in kinds)
                   for kinds in self._kinds(name))

    def module(self, name: str) -> bool:
        return all(kinds == {"import"} for kinds in self._kinds(name))


class _Scopes(ast.NodeVisitor):
    """Every scope of the submission, what it binds, and the scope of each
    node. A name binding counts where Python puts it (``global``, ``nonlocal``
    move it); a comprehension's and a walrus's bindings count in the scope
    around them (more than Python does: never less). The submission's own
    classes are the names bound by ``class`` and never otherwise, anywhere
    (``A = lambda: bank`` in one function makes ``A()`` no own instance in
    any)."""

    def __init__(self, tree, untrusted=()):
        self.module = self.scope = _Scope(tree, None)
        self.all = [self.module]
        self.scope_of: dict[int, _Scope] = {}
        self.decorated: list = []  # (class name, its scope, its decorators)
        # classes whose call may return anything (a base's metaclass or __new__)
        self.untrusted: set[str] = set(untrusted)
        self.bodies: dict[str, list] = {}  # class name -> its body (the last so named)
        self.bases: dict[str, list] = {}   # class name -> the names of its bases
        self.visit(tree)
        for scope in reversed(self.all):  # inner scopes first: declarations chain outward
            for name, how in scope.declared.items():
                kinds = scope.kinds.pop(name, set())
                target = self.module if how == "global" else self._enclosing(name, scope)
                if target is not None:
                    target.kinds.setdefault(name, set()).update(kinds)
        classes, others = set(), set()
        for scope in self.all:
            for name, kinds in scope.kinds.items():
                (classes if kinds == {"class"} else others).add(name)
                if "class" in kinds and kinds != {"class"}:
                    others.add(name)
        for name, scope, decorators in self.decorated:
            # a decorator may return anything: one of an imported module's, given
            # nothing but constants (``@dataclass(frozen=True)``), leaves the class
            # the learner's own
            if not all(_root(d) is not None and _Names(self, scope).module(_root(d))
                       and (not isinstance(d, ast.Call) or all(
                           isinstance(a, ast.Constant) for a in (*d.args, *(k.value for k in d.keywords))))
                       for d in decorators):
                others.add(name)
        # a class name bound by two class statements is neither's (``peek = A.peek``
        # read the first, the check of ``A.peek`` the last; a policy review,
        # twenty-fifth session), and a class whose base is one of the learner's
        # that is not its own is not either (a ``__new__`` or metaclass inherited)
        twice = {name for name, n in collections.Counter(
            n.name for n in ast.walk(tree) if isinstance(n, ast.ClassDef)).items() if n > 1}
        own = classes - others - self.untrusted - twice
        shrank = True
        while shrank:
            shrank = False
            for name in sorted(own):
                if any(b in self.bodies and b not in own for b in self.bases.get(name, ())):
                    own.discard(name)
                    shrank = True
        self.own_classes = own
        # each class's methods, as ``def`` binds them (no staticmethod, classmethod)
        self.methods = {name: {f.name for f in body if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))
                               and not any(_root(d) in ("staticmethod", "classmethod")
                                           for d in f.decorator_list)}
                        for name, body in self.bodies.items()}
        for name, body in self.bodies.items():  # `alias = get` in the body: a method too
            defs = {f.name for f in body if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))}
            for stmt in body:
                value = getattr(stmt, "value", None)
                if isinstance(stmt, (ast.Assign, ast.AnnAssign)) and value is not None and any(
                        isinstance(n, ast.Name) and n.id in defs for n in ast.walk(value)):
                    for t in (stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]):
                        self.methods[name].update(n.id for n in ast.walk(t)
                                                  if isinstance(n, ast.Name))

    def at(self, node) -> _Names:
        return _Names(self, self.scope_of.get(id(node), self.module))

    def own_kind(self, name: str, kind) -> bool:
        """A binding that makes ``name`` the learner's own: its class, or an
        instance made by calling one, the class read where the call is."""
        if kind == "class":
            return name in self.own_classes
        if isinstance(kind, tuple):
            _, cls, scope = kind
            where = self.resolve(cls, scope)
            if where is not None and where.kinds.get(cls) == {"parameter"} \
                    and self.classmethod_of(where, cls) in self.own_classes:
                return True  # `conf = cls()` in a classmethod of its own class
            return cls in self.own_classes and where is not None \
                and where.kinds.get(cls) == {"class"}
        return False

    def first_parameter(self, node) -> str | None:
        """The first parameter of the function ``node`` is in, if any."""
        fn = self.scope_of.get(id(node), self.module).node
        if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return _first(fn)
        return None

    def unbound_method(self, node, on_self) -> bool:
        """``Own.method``: a method of one of the learner's classes taken from
        the class, which any object can then be passed to as ``self`` (its
        ``self._x`` reads that object's; a policy review, twenty-fourth
        session), but ``Base.__init__(self)``, ``Base.stop(self)`` (``on_self``)."""
        cls = node.value.id
        if id(node) in on_self:
            return False
        owner = self.class_parameter(node, cls)
        if owner is not None:  # `cls.get(bank)` in a classmethod
            return node.attr in self.all_methods(owner)
        if not self.at(node).own(cls):
            return False
        return node.attr in self.all_methods(cls)

    def all_methods(self, cls: str | None, seen=()) -> set[str]:
        """The methods of an own class, its own bases' included (``S.get``
        of a ``class S(A)`` is ``A.get``)."""
        if cls is None or cls in seen:
            return set()
        out = set(self.methods.get(cls, ()))
        for base in self.bases.get(cls, ()):
            out |= self.all_methods(base, (*seen, cls))
        return out

    def enclosing_class(self, node) -> str | None:
        """The class whose method ``node`` is in (directly), if any."""
        fn = self.scope_of.get(id(node), self.module)
        parent = fn.parent
        return parent.node.name if parent is not None and isinstance(parent.node, ast.ClassDef) \
            else None

    def class_parameter(self, node, name: str) -> str | None:
        """The class whose classmethod's first parameter ``name`` reads
        where ``node`` is (``cls``, in the classmethod or a function inside
        it); None if it reads anything else."""
        return self.classmethod_of(self.resolve(name, self.scope_of.get(id(node), self.module)),
                                   name)

    @staticmethod
    def classmethod_of(where: _Scope | None, name: str) -> str | None:
        """The class of the classmethod ``where`` whose first parameter is ``name``."""
        fn = where.node if where is not None else None
        if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)) and _first(fn) == name \
                and any(isinstance(d, ast.Name) and d.id == "classmethod"
                        for d in fn.decorator_list) \
                and where.parent is not None and isinstance(where.parent.node, ast.ClassDef):
            return where.parent.node.name
        return None

    def _enclosing(self, name: str, scope: _Scope) -> _Scope | None:
        s = scope.parent
        while s is not None:
            if not isinstance(s.node, ast.ClassDef) and (name in s.kinds or name in s.declared):
                return s
            s = s.parent
        return None

    def resolve(self, name: str, scope: _Scope) -> _Scope | None:
        """The scope whose binding ``name`` reads in ``scope``."""
        how = scope.declared.get(name)
        if how == "global":
            return self.module
        if how == "nonlocal":
            return self._enclosing(name, scope)
        s, first = scope, True
        while s is not None:
            if first or not isinstance(s.node, ast.ClassDef):  # a class body is no closure
                if s.declared.get(name) == "global":
                    return self.module
                if name in s.kinds:
                    return s
            s, first = s.parent, False
        return None

    # ---- the visit: each node's scope, each binding's kind
    def visit(self, node):
        self.scope_of[id(node)] = self.scope
        return super().visit(node)

    def _inside(self, node, visit_body) -> None:
        outer, self.scope = self.scope, _Scope(node, self.scope)
        self.all.append(self.scope)
        try:
            visit_body()
        finally:
            self.scope = outer

    def _arguments(self, args) -> None:
        for a in (*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg):
            if a is not None:
                self.scope.bind(a.arg, "parameter")

    def _outer_parts(self, node) -> None:
        for d in getattr(node, "decorator_list", ()):
            self.visit(d)
        args = getattr(node, "args", None)
        if isinstance(args, ast.arguments):
            for d in (*args.defaults, *(d for d in args.kw_defaults if d is not None)):
                self.visit(d)
            for a in (*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg):
                if a is not None and a.annotation is not None:
                    self.visit(a.annotation)
        if getattr(node, "returns", None) is not None:
            self.visit(node.returns)

    def visit_FunctionDef(self, node):
        self._outer_parts(node)
        self.scope.bind(node.name, "other")  # a decorator may return anything

        def body():
            self._arguments(node.args)
            for n in node.body:
                self.visit(n)
        self._inside(node, body)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node):
        self._outer_parts(node)

        def body():
            self._arguments(node.args)
            self.visit(node.body)
        self._inside(node, body)

    def visit_ClassDef(self, node):
        for n in (*node.decorator_list, *node.bases, *node.keywords):
            self.visit(n)
        self.scope.bind(node.name, "class")
        self.decorated.append((node.name, self.scope, node.decorator_list))
        self.bodies[node.name] = node.body
        self.bases[node.name] = [b.id for b in node.bases if isinstance(b, ast.Name)]
        # its call may return any object: a __new__ of its own, or a metaclass's __call__
        if node.keywords or any(isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))
                                and f.name == "__new__" for f in node.body):
            self.untrusted.add(node.name)

        def body():
            for n in node.body:
                self.visit(n)
        self._inside(node, body)

    def _targets(self, t, kind="other") -> None:
        if isinstance(t, ast.Name):
            self.scope.bind(t.id, kind)
        elif isinstance(t, (ast.Tuple, ast.List)):
            for e in t.elts:
                self._targets(e)
        elif isinstance(t, ast.Starred):
            self._targets(t.value)

    def _made(self, value):
        """``("call", C, scope)`` for ``C(...)``, C a bare name read in that
        scope; else "other"."""
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
            return ("call", value.func.id, self.scope)
        return "other"

    def visit_Assign(self, node):
        for t in node.targets:
            self._targets(t, self._made(node.value))
        self.generic_visit(node)

    def visit_AnnAssign(self, node):
        self._targets(node.target, self._made(node.value) if node.value is not None else "other")
        self.generic_visit(node)

    def _bind_target(self, node):
        self._targets(node.target)
        self.generic_visit(node)

    visit_AugAssign = visit_For = visit_AsyncFor = visit_NamedExpr = _bind_target
    visit_comprehension = _bind_target

    def visit_withitem(self, node):
        if node.optional_vars is not None:
            self._targets(node.optional_vars)
        self.generic_visit(node)

    def visit_ExceptHandler(self, node):
        if node.name:
            self.scope.bind(node.name, "other")
        self.generic_visit(node)

    def _imports(self, node):
        for a in node.names:
            self.scope.bind(a.asname or a.name.split(".")[0], "import")
        self.generic_visit(node)

    visit_Import = visit_ImportFrom = _imports

    def _declare(self, node):
        how = "global" if isinstance(node, ast.Global) else "nonlocal"
        for name in node.names:
            self.scope.declared[name] = how

    visit_Global = visit_Nonlocal = _declare

    def _captures(self, node):
        name = getattr(node, "name", None) or getattr(node, "rest", None)
        if name:
            self.scope.bind(name, "other")
        self.generic_visit(node)

    visit_MatchAs = visit_MatchStar = visit_MatchMapping = _captures


def _first(fn) -> str | None:
    """The name of a function's first parameter, the one a method's object
    is bound to (a positional-only one comes first: ``def m(me, /, self)``
    makes ``me`` the object; a policy review, twenty-fifth session)."""
    params = [*fn.args.posonlyargs, *fn.args.args]
    return params[0].arg if params else None


def _binds(node, name: str) -> bool:
    """``node`` binds ``name`` (an assignment, a def, a class, a capture, an import, a
    parameter)."""
    if isinstance(node, ast.Name):
        return node.id == name and not isinstance(node.ctx, ast.Load)
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return node.name == name
    if isinstance(node, (ast.MatchAs, ast.MatchStar)):
        return node.name == name
    if isinstance(node, ast.alias):
        return (node.asname or node.name.split(".")[0]) == name
    if isinstance(node, ast.arg):
        return node.arg == name
    return isinstance(node, (ast.Global, ast.Nonlocal)) and name in node.names


def _root(node) -> str | None:
    """The name ``a`` of ``a``, ``a.b.c`` or ``a.b(...)``; None for anything else."""
    if isinstance(node, ast.Call):
        node = node.func
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _method_self_attributes(tree, scopes: _Scopes) -> tuple[set[int], set[int]]:
    """ids of the ``first_param._attr`` nodes inside the methods of the
    submission's own classes (``self._lock`` in ``def run(self)``): where
    the name reads the method's own first parameter, never bound otherwise
    in the method (``self = bank``, or a ``nonlocal self`` of a function
    inside it, makes it no longer its own); and ids of those methods."""
    found: set[int] = set()
    own: set[int] = set()
    for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)
                and n.name in scopes.own_classes):
        for fn in cls.body:
            first = _first(fn) if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)) else None
            if first is None:
                continue
            method = next(sc for sc in scopes.all if sc.node is fn)
            if method.kinds.get(first) != {"parameter"} or not _plain(fn, cls, scopes):
                continue
            own.add(id(fn))
            # its body only: defaults and decorators are read where the class is
            # (a policy review, twenty-fourth session: `def m(self, v=self._w)` in a
            # class body whose `self` was the grader's object); a function or a
            # lambda inside it with a `self` of its own reads that one
            for stmt in fn.body:
                for a in ast.walk(stmt):
                    read = _read_of(a)
                    if isinstance(read, ast.Name) and read.id == first and scopes.resolve(
                            first, scopes.scope_of.get(id(read), scopes.module)) is method:
                        found.add(id(a))
    return found, own


def _read_name(node) -> str | None:
    """The attribute ``node`` reads (``_x`` of ``self._x`` or of
    ``getattr(self, "_x")``), or None."""
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Call) and len(node.args) > 1 and isinstance(node.args[1], ast.Constant) \
            and isinstance(node.args[1].value, str):
        return node.args[1].value
    return None


def _read_of(node):
    """What ``node`` reads an attribute of: ``x`` in ``x.y``, and in
    ``getattr(x, "y", 0)``, ``hasattr(x, "y")`` and their kin, read as
    ``x.y`` is (a policy review's right-answer round, twenty-seventh
    session: ``hasattr(self, "_count")`` in a method was refused); else None."""
    if isinstance(node, ast.Attribute):
        return node.value
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
            and node.func.id in REACH and node.args:
        return node.args[0]
    return None


# decorators of the standard library that keep a method a method: its first
# argument is still the object it is called on (right-answer round of a policy
# review, twenty-fifth session: a @contextlib.contextmanager method's self._lock)
KEEPS_BINDING = {("contextlib", "contextmanager"), ("functools", "cached_property"),
                 ("abc", "abstractmethod"),
                 # (a policy review's right answers, twenty-eighth session)
                 ("functools", "lru_cache"), ("functools", "cache")}


def _keeps_binding(d, scopes: _Scopes) -> bool:
    """``d`` is ``module.name`` of KEEPS_BINDING, ``module`` imported, or
    ``name`` imported from it; or such a name called with constants only
    (``@functools.lru_cache(maxsize=None)``)."""
    if isinstance(d, ast.Call) and all(isinstance(a, ast.Constant)
                                       for a in (*d.args, *(k.value for k in d.keywords))):
        d = d.func
    where = scopes.scope_of.get(id(d), scopes.module)
    if isinstance(d, ast.Attribute) and isinstance(d.value, ast.Name):
        # ``import functools as ft``: ``ft.cached_property`` (a policy review,
        # twenty-seventh session)
        real = _import_names(scopes.module.node).get(d.value.id, d.value.id)
        return (real, d.attr) in KEEPS_BINDING and _Names(scopes, where).module(d.value.id)
    if isinstance(d, ast.Name) and _Names(scopes, where).module(d.id):
        return any(
            isinstance(i, ast.ImportFrom) and (i.module, d.id) in KEEPS_BINDING
            and any((a.asname or a.name) == d.id and a.name == d.id for a in i.names)
            for i in ast.walk(scopes.module.node))
    return False


# hooks the class machinery calls with a class (``owner``, ``cls``): defined by a
# learner's class, they hand it over (a policy review, twenty-fifth session)
CLASS_HOOKS = {"__init_subclass__", "__set_name__", "__get__", "__set__", "__delete__",
               "__class_getitem__", "__mro_entries__", "__instancecheck__",
               "__subclasscheck__", "__prepare__",
               # abc's isinstance() hands it the class of what it tests (twenty-eighth session)
               "__subclasshook__"}
# hooks of copy and pickle: ``__deepcopy__``'s memo holds the state of every object
# copied with it, a grader's object's private attributes among them (a policy
# review, twenty-eighth session: ``dataclasses.asdict`` of a box holding the bank)
COPY_HOOKS = {"__deepcopy__", "__copy__", "__reduce__", "__reduce_ex__", "__getstate__",
              "__setstate__", "__getnewargs__", "__getnewargs_ex__"}
# a class's hooks for any attribute name
ATTRIBUTE_HOOKS = {"__getattr__", "__getattribute__", "__setattr__", "__delattr__"}
# such hooks, and the names that make a class pattern or a dataclass read other
# attributes, as text: a namespace's keys (never needed in a submission)
HOOK_NAMES = CLASS_HOOKS | COPY_HOOKS | {"__match_args__", "__annotations__", "__module__"}


def _classes_stay_classes(tree, scopes: _Scopes, methods: set[int]) -> None:
    """A class of the learner's whose methods read ``self._x`` (``methods``)
    must stay a class its methods are called on through an instance: any
    object handed to a method taken from the class becomes its ``self``
    (``type(r).peek(bank)``; a policy review, twenty-fifth session). Such a
    class, a ``type(x)``, an ``x.__class__`` and a classmethod's ``cls`` may
    be called, subclassed, compared with ``is``, tested with ``isinstance`` or
    ``except``, written in an annotation, printed, or have an attribute read
    (a method of its own classes read that way is refused where it is read:
    ``_Scopes.unbound_method``; of a ``type(x)`` or ``x.__class__``, only
    its name); used otherwise (kept in a name, a list, passed on) it is
    refused, and so is ``super()`` with arguments but ``(this class, self)``."""
    for fn in ast.walk(tree):
        # a def, or any other binding (``__init_subclass__ = classmethod(hook)`` in a
        # class body: a policy review, twenty-eighth session)
        name = fn.name if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)) else \
            fn.id if isinstance(fn, ast.Name) and not isinstance(fn.ctx, ast.Load) else None
        if name in CLASS_HOOKS:
            _refuse(fn, f"defining {name} (the class machinery calls it with a class)")
        if name in COPY_HOOKS:
            _refuse(fn, f"defining {name} (copying hands it other objects' state)")
        if name in ATTRIBUTE_HOOKS:
            # stdlib code asks them for the names it reads or writes by name
            # (dataclasses' __annotations__, deepcopy's __deepcopy__: a policy
            # review's fourth round, twenty-eighth session)
            _refuse(fn, f"defining {name} (code that reads attributes by name asks it for "
                        "any name)")
        if name == "__module__":
            # the module an enum's global_enum writes into (a policy review's fifth
            # round, twenty-eighth session)
            _refuse(fn, "binding __module__")
        if name == "__dict__":
            # a __dict__ of its own receives what update_wrapper copies from another
            # object's (a module's globals: a policy review, twenty-eighth session)
            _refuse(fn, "defining __dict__")
    readers = set()
    for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
        if any(id(a) in methods for a in ast.walk(cls)):
            readers.add(cls.name)
            if isinstance(scopes.scope_of.get(id(cls), scopes.module).node, ast.ClassDef):
                _refuse(cls, f"the class {cls.name} inside a class (its methods read self._x: "
                             "define it at the module's level)")
    grew = True
    while grew:  # a subclass has its bases' methods
        grew = False
        for name, bases in scopes.bases.items():
            if name not in readers and readers & set(bases):
                readers.add(name)
                grew = True
    parent = {id(c): n for n in ast.walk(tree) for c in ast.iter_child_nodes(n)}
    for node in ast.walk(tree):
        # the class of an object, wherever it is got: a class of the learner's (its
        # methods would take any object as self), or a module's whose name is
        # refused (type(sys.stdout.buffer.raw) is io.FileIO, kept in a name and
        # called: a policy review's fourth round, twenty-eighth session)
        dynamic = (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                   and node.func.id == "type" and len(node.args) == 1 and not node.keywords
                   and scopes.resolve("type", scopes.scope_of.get(id(node), scopes.module)) is None
                   or isinstance(node, ast.Attribute) and node.attr == "__class__"
                   and isinstance(node.ctx, ast.Load)
                   # the implicit cell of a method that uses super() or __class__
                   or isinstance(node, ast.Name) and node.id == "__class__")
        if dynamic and not _kept_a_class(node, parent, scopes, names_only=True):
            _refuse(node, f"{ast.unparse(node)} used other than to read its name, compare it with `is` "
                          "(or `==` with a builtin class) or call it (its methods would take any "
                          "object as self)")
    if not readers:
        return
    private = set()  # the classes whose methods read a private attribute of self
    for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
        if any(id(a) in methods and (_read_name(a) or "").startswith("_")
               and _read_name(a) not in NAMES for a in ast.walk(cls)):
            private.add(cls.name)
    grew = True
    while grew:
        grew = False
        for name, bases in scopes.bases.items():
            if name not in private and private & set(bases):
                private.add(name)
                grew = True
    for name in sorted(private & _exception_classes(tree)):
        # raised, its class reaches any handler: __exit__'s first argument,
        # exc_info()[0] however it is reached, a log record's exc_info (a policy
        # review, twenty-eighth session)
        _refuse(next(c for c in ast.walk(tree) if isinstance(c, ast.ClassDef) and c.name == name),
                f"the exception class {name} with methods that read self._x (raised, its class "
                "reaches every handler: keep such state in public attributes)")
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            what = (node.id if node.id in readers and scopes.at(node).own(node.id)
                    else f"{node.id} (the class of a classmethod)"
                    if scopes.class_parameter(node, node.id) in readers else None)
            if what is not None and not _kept_a_class(node, parent, scopes):
                _refuse(node, f"{what} used as a value (passed around, a class's methods "
                              "could be given any object as self: call it, subclass it, "
                              "compare it with `is` or read its attributes)")
        if isinstance(node, ast.Name) and node.id == "type" and isinstance(node.ctx, ast.Load) \
                and not (isinstance(parent.get(id(node)), ast.Call)
                         and parent[id(node)].func is node) \
                and not _tested_against(node, parent) and not _in_type_annotation(node, parent):
            # (in an annotation: ``exc_type: type[BaseException] | None``, the
            # usual ``__exit__``, was refused until the thirty-second session)
            _refuse(node, "type used other than called (map(type, ...) hands out classes)")
        if isinstance(node, ast.MatchClass) and "__class__" in node.kwd_attrs:
            # case object(__class__=k): type(x) by a pattern (a policy review,
            # twenty-eighth session)
            _refuse(node, "a class pattern that reads __class__ where a class of yours reads "
                          "attributes of self (use type(x) is C)")
        if isinstance(node, ast.Attribute) and node.attr == "exc_info":
            _refuse(node, "sys.exc_info() where a class of yours reads attributes of self (its "
                          "first item is a class: use `except ... as e`)")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id == "super" and not _plain_super(node, scopes):
            _refuse(node, "super() with arguments other than (this class, self)")


def _plain_super(call, scopes: _Scopes) -> bool:
    """``super()``, or ``super(C, self)`` in a method of ``C`` whose first
    parameter is ``self`` (the older spelling of the same)."""
    if not call.args and not call.keywords:
        return True
    cls, first = scopes.enclosing_class(call), scopes.first_parameter(call)
    return (len(call.args) == 2 and not call.keywords
            and isinstance(call.args[0], ast.Name) and call.args[0].id == cls
            and isinstance(call.args[1], ast.Name) and call.args[1].id == first
            and scopes.class_parameter(call, first) is None)


def _kept_a_class(node, parent, scopes: _Scopes, names_only: bool = False) -> bool:
    """``node`` (a class) is called, subclassed, compared with ``is``, tested, annotated,
    printed, or has an attribute read (``names_only``: only a name)."""
    p = parent.get(id(node))
    if isinstance(p, ast.Attribute) and p.value is node:
        return not names_only or p.attr in NAMES
    if isinstance(p, ast.Call) and p.func is node:
        return True
    if isinstance(p, ast.ClassDef) and node in p.bases:
        return True
    if isinstance(p, ast.Compare):
        # `is`; `==`, `!=` and `in` only with builtin classes (`type(n) == int`,
        # `type(e) in (TimeoutError, OSError)`): with anything else, `==` hands
        # the class to the other side's __eq__
        return all(isinstance(op, (ast.Is, ast.IsNot)) for op in p.ops) or all(
            isinstance(op, (ast.Is, ast.IsNot, ast.Eq, ast.NotEq, ast.In, ast.NotIn))
            for op in p.ops) and all(
            _builtin_class(x, scopes) or isinstance(x, (ast.Tuple, ast.List, ast.Set))
            and all(_builtin_class(e, scopes) for e in x.elts)
            for x in (p.left, *p.comparators) if x is not node)
    if isinstance(p, (ast.FormattedValue, ast.MatchClass)):
        return True  # (a class pattern's attributes are read as attributes are)
    inner = node
    if isinstance(p, ast.Tuple):  # isinstance(x, (A, B)), except (A, B)
        inner, p = p, parent.get(id(p))
    if isinstance(p, ast.ExceptHandler) and p.type is inner:
        return True
    if isinstance(p, ast.Call) and isinstance(p.func, ast.Name) \
            and scopes.resolve(p.func.id, scopes.scope_of.get(id(p), scopes.module)) is None:
        if p.func.id in ("isinstance", "issubclass") and len(p.args) == 2 and p.args[1] is inner:
            return True
        # issubclass(type(e), ValueError): the class goes to a builtin class's
        # __subclasscheck__ (of anything else, it could be the learner's code)
        if p.func.id == "issubclass" and len(p.args) == 2 and p.args[0] is node:
            second = p.args[1]
            return all(_builtin_class(c, scopes) for c in (
                second.elts if isinstance(second, ast.Tuple) else [second]))
        if p.func.id in ("print", "str", "repr") and inner is node:
            return True
        if p.func.id == "super" and p.args and p.args[0] is node:  # its arguments: checked
            return True
    return _in_type_annotation(node, parent)


def _in_type_annotation(node, parent) -> bool:
    """``node`` is inside an annotation that only names types
    (``exc_type: type[BaseException] | None``; TYPE_EXPRESSION)."""
    p = parent.get(id(node))
    while p is not None:
        for a in (p.annotation if isinstance(p, (ast.arg, ast.AnnAssign)) else None,
                  p.returns if isinstance(p, (ast.FunctionDef, ast.AsyncFunctionDef)) else None):
            if a is not None and _within(node, a):
                # (``k: GRAB.append(A)`` runs as it is defined: a policy review,
                # twenty-eighth session)
                return all(isinstance(n, TYPE_EXPRESSION) for n in ast.walk(a))
        if isinstance(p, (ast.stmt, ast.arg)):
            return False
        p = parent.get(id(p))
    return False


def _builtin_class(node, scopes: _Scopes) -> bool:
    """``node`` names a builtin class (``int``, ``str``), not rebound."""
    return isinstance(node, ast.Name) and isinstance(getattr(builtins, node.id, None), type) \
        and scopes.resolve(node.id, scopes.scope_of.get(id(node), scopes.module)) is None


# what an annotation that names types is made of (``dict[str, A] | None``)
TYPE_EXPRESSION = (ast.Name, ast.Attribute, ast.Subscript, ast.Constant, ast.Tuple, ast.List,
                   ast.BinOp, ast.BitOr, ast.Load)


def _tested_against(node, parent) -> bool:
    """``node`` is the class ``isinstance(x, node)`` or ``issubclass(x, node)``
    tests against (``isinstance(k, type)``), alone or in a tuple."""
    p = parent.get(id(node))
    inner = node
    if isinstance(p, ast.Tuple):
        inner, p = p, parent.get(id(p))
    return isinstance(p, ast.Call) and isinstance(p.func, ast.Name) \
        and p.func.id in ("isinstance", "issubclass") and len(p.args) == 2 and p.args[1] is inner


def _within(node, tree) -> bool:
    return any(n is node for n in ast.walk(tree))


def _plain(fn, cls, scopes: _Scopes) -> bool:
    """``fn``'s first parameter is an instance of its class, or the class:
    no decorator but the builtin ``property`` or ``classmethod``, or, on a
    ``def`` named like a property the class body made first, that
    property's ``.setter``/``.getter``/``.deleter``. Any other decorator may
    make it anything (``@staticmethod def f(self)`` takes the grader's
    object as ``self``: ``A.f(bank)``; a policy review, twenty-fifth session)."""
    def builtin(d, name) -> bool:
        return (isinstance(d, ast.Name) and d.id == name
                and scopes.resolve(name, scopes.scope_of.get(id(d), scopes.module)) is None)
    body = next(sc for sc in scopes.all if sc.node is cls)
    defs = sorted((n for n in ast.walk(cls) if scopes.scope_of.get(id(n)) is body
                   and _binds(n, fn.name)), key=lambda n: (n.lineno, n.col_offset))
    # a property's chain: every binding of fn's name in the class body is a def of
    # that name, the first a @property, each later one decorated by its .setter,
    # .getter or .deleter
    chained = [d for n in defs[1:] for d in getattr(n, "decorator_list", [None])]
    chain = (all(isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) for n in defs)
             and len(defs[0].decorator_list) == 1
             and builtin(defs[0].decorator_list[0], "property")
             and all(isinstance(d, ast.Attribute) and d.attr in ("setter", "getter", "deleter")
                     and isinstance(d.value, ast.Name) and d.value.id == fn.name
                     for d in chained))
    if all(builtin(d, "property") or builtin(d, "classmethod") or _keeps_binding(d, scopes)
           for d in fn.decorator_list):
        # bound by this def only (`peek = staticmethod(peek)` in the body: not plain)
        return defs == [fn] or (chain and defs[0] is fn)
    return chain and defs[0] is not fn


# The submodules an allowed module loads with it. The child imports the modules its
# exercise allows before it gives up its rights, and then cannot read the standard
# library's files: any other submodule (``logging.handlers``) is refused here, in one
# line, rather than failing to load in the child (a right-answer round, nineteenth
# session: "loading your code raised ModuleNotFoundError", exit 1).
LOADED_SUBMODULES = ("os.path", "collections.abc")


def _module(name: str, allowed, node) -> None:
    top = name.split(".")[0]
    if top == "labs":
        _refuse(node, f"import of {name} (the grader's own package)")
    if top not in allowed:
        _refuse(node, f"import of {name} (this exercise allows: {', '.join(sorted(allowed))})")
    if "." in name and name not in LOADED_SUBMODULES:
        _refuse(node, f"import of {name} (a submodule: this exercise allows "
                      f"{', '.join(sorted(allowed))}, and of their submodules only "
                      f"{', '.join(LOADED_SUBMODULES)})")


def _submodule(module: str, name: str) -> bool:
    """``from module import name`` imports a submodule, not an attribute."""
    full = f"{module}.{name}"
    if full in LOADED_SUBMODULES:
        return False
    try:
        return importlib.util.find_spec(full) is not None
    except (ImportError, ValueError, AttributeError):
        return False


def _bindings(tree) -> dict[str, list]:
    """Each name, and the nodes that bind it (``_binds``), in one walk."""
    out = collections.defaultdict(list)
    for n in ast.walk(tree):
        names = (n.id,) if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load) else \
            (n.name,) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef,
                                        ast.MatchAs, ast.MatchStar)) else \
            ((n.asname or n.name.split(".")[0]),) if isinstance(n, ast.alias) else \
            (n.arg,) if isinstance(n, ast.arg) else \
            tuple(n.names) if isinstance(n, (ast.Global, ast.Nonlocal)) else ()
        for name in names:
            if name is not None:
                out[name].append(n)
    return out


def _base_object(expr, tree, bindings):
    """What a class's base ``expr`` is, where the submission cannot change it:
    a builtin (``Exception``), an attribute of a module it imports
    (``enum.Enum``, ``queue.Empty``) or a name imported from one (``from enum
    import Enum``); None for anything else (its own classes among them)."""
    root, path = expr, []
    while isinstance(root, ast.Attribute):
        path.insert(0, root.attr)
        root = root.value
    if not isinstance(root, ast.Name):
        return None
    bound = bindings.get(root.id, [])
    if not bound and not path:
        return getattr(builtins, root.id, None)
    if len(bound) != 1 or not isinstance(bound[0], ast.alias):
        return None
    alias = bound[0]
    frm = next((i for i in ast.walk(tree) if isinstance(i, ast.ImportFrom)
                and any(a is alias for a in i.names)), None)
    obj = getattr(_loaded(frm.module or ""), alias.name, None) if frm is not None \
        else _loaded(alias.name if alias.asname else alias.name.split(".")[0])
    for attr in path:
        obj = getattr(obj, attr, None)
    return obj


def _machinery(base) -> bool:
    """A call of a subclass of ``base`` may return another object than a new
    instance of it: a metaclass's own ``__call__`` (``enum.Enum``'s: ``Kind(x)``
    is a member looked up, or what its ``_missing_`` returns), or a
    ``__new__`` written in Python."""
    if not isinstance(base, type):
        return False
    return type(base).__call__ is not type.__call__ or any(
        isinstance(k.__dict__.get("__new__"), (staticmethod, types.FunctionType))
        for k in base.__mro__)


def _machinery_classes(tree) -> set[str]:
    """The classes with a base of a module's that has machinery (``_machinery``),
    or a base the policy cannot name (``type(string.Formatter())``): not the
    learner's own (a policy review, twenty-eighth session: an ``enum.Enum``'s
    ``_missing_`` was given the bank as ``self``; a subclass of a class got
    from ``type()`` called its private ``_vformat``)."""
    bindings = _bindings(tree)
    classes = {c.name for c in ast.walk(tree) if isinstance(c, ast.ClassDef)}

    def untrusted(b) -> bool:
        if isinstance(b, ast.Name) and b.id in classes:
            return False  # the learner's own: followed by _Scopes
        base = _base_object(b, tree, bindings)
        return base is None or _machinery(base)
    return {c.name for c in ast.walk(tree) if isinstance(c, ast.ClassDef)
            and any(untrusted(b) for b in c.bases)}


# the private methods a module documents for its subclasses to override and call
# (the queue module: "override these methods to implement other queue
# organizations"; a policy review's fourth round, twenty-eighth session)
DOCUMENTED_OVERRIDES = {"queue.Queue": {"_init", "_qsize", "_put", "_get"},
                        "queue.LifoQueue": {"_init", "_qsize", "_put", "_get"},
                        "queue.PriorityQueue": {"_init", "_qsize", "_put", "_get"}}


def _base_privates(tree) -> dict[str, tuple[str, set[str]]]:
    """For each class of the submission with a base of a module's (through
    its own bases too), that base's name and the private names its methods
    use: its workings, not the learner's (``self._vformat`` of a
    ``string.Formatter``, ``self._target`` of a ``threading.Thread``)."""
    bindings = _bindings(tree)
    classes = [c for c in ast.walk(tree) if isinstance(c, ast.ClassDef)]
    found: dict[str, tuple[str, set[str]]] = {}
    for c in classes:
        for b in c.bases:
            base = _base_object(b, tree, bindings)
            if isinstance(base, type) and base is not object:
                names = set()
                for k in base.__mro__:
                    if k is object:
                        continue
                    for name, v in vars(k).items():
                        if name.startswith("_") and not name.startswith("__"):
                            names.add(name)
                        for f in (v, getattr(v, "__func__", None), getattr(v, "fget", None)):
                            code = getattr(f, "__code__", None)
                            if code is not None:
                                names.update(n for n in code.co_names
                                             if n.startswith("_") and not n.startswith("__"))
                names -= DOCUMENTED_OVERRIDES.get(f"{base.__module__}.{base.__qualname__}", set())
                if names:
                    found[c.name] = (ast.unparse(b), names)
    grew = True
    while grew:  # a subclass of such a class has its base's workings too
        grew = False
        for c in classes:
            if c.name not in found:
                inherited = next((found[b.id] for b in c.bases
                                  if isinstance(b, ast.Name) and b.id in found), None)
                if inherited is not None:
                    found[c.name] = inherited
                    grew = True
    return found


def _exception_classes(tree) -> set[str]:
    """The submission's classes that are exceptions: a base is a builtin or a
    module's exception class, or one of these."""
    bindings = _bindings(tree)
    classes = [c for c in ast.walk(tree) if isinstance(c, ast.ClassDef)]
    found = {c.name for c in classes if any(
        isinstance(o, type) and issubclass(o, BaseException)
        for o in (_base_object(b, tree, bindings) for b in c.bases))}
    grew = True
    while grew:
        grew = False
        for c in classes:
            if c.name not in found and any(isinstance(b, ast.Name) and b.id in found
                                           for b in c.bases):
                found.add(c.name)
                grew = True
    return found


def _may_have_virtual_subclasses(name: str, tree, bindings) -> bool:
    """The class ``name`` of the submission has a base that is not a plain
    class (an ``abc.ABC``: its metaclass's ``register`` makes any class its
    subclass, by any spelling, ``type(Slot).register``: a policy review,
    twenty-eighth session), or a metaclass, or one the policy cannot see."""
    classes = collections.defaultdict(list)
    for c in ast.walk(tree):
        if isinstance(c, ast.ClassDef):
            classes[c.name].append(c)
    todo, seen = [name], {name}
    while todo:  # (a loop, not recursion: a chain of a thousand classes is a file)
        for c in classes.get(todo.pop(), ()):
            if c.keywords:
                return True
            for b in c.bases:
                if isinstance(b, ast.Name) and b.id in classes:
                    if b.id not in seen:
                        seen.add(b.id)
                        todo.append(b.id)
                    continue
                base = _base_object(b, tree, bindings)
                if not isinstance(base, type) or type(base) is not type:
                    return True
    return False


def _import_names(tree) -> dict[str, str]:
    """Each name an ``import`` binds, and the module it names (``import os.path``
    binds ``os``; ``import functools as ft``, ``ft`` for ``functools``)."""
    return {(a.asname or a.name.split(".")[0]): (a.name if a.asname else a.name.split(".")[0])
            for i in ast.walk(tree) if isinstance(i, ast.Import) for a in i.names}


def _loaded(name: str):
    """The module ``name`` (one an exercise lists, or its submodule), or None."""
    try:
        return importlib.import_module(name) if name else None
    except Exception:  # noqa: BLE001 - a module that fails to load reaches nothing
        return None


def _module_reached(module, attr: str) -> bool:
    """``module.attr`` is another module (``enum.bltns``, ``dataclasses.inspect``,
    ``typing.operator``, ``logging.traceback``: builtins, frames and any attribute,
    through a module the exercise lists; a policy review, twenty-seventh
    session), but the submodules every exercise may use."""
    if not isinstance(module, types.ModuleType):
        return False
    reached = getattr(module, attr, None)
    return isinstance(reached, types.ModuleType) and not any(
        reached is sys.modules.get(m) for m in LOADED_SUBMODULES)


def _resolved(value, imported, names: _Names):
    """The module ``value`` names (``enum``, ``os.path``), or None."""
    if isinstance(value, ast.Name) and value.id in imported and names.module(value.id):
        return _loaded(imported[value.id])
    if isinstance(value, ast.Attribute):
        base = _resolved(value.value, imported, names)
        reached = getattr(base, value.attr, None) if base is not None else None
        return reached if isinstance(reached, types.ModuleType) else None
    return None


def _attribute(node, attr: str, value, imported, names: _Names, written=None,
               pipe_close: bool = False) -> None:
    if attr in FORBIDDEN_ATTRS or attr in FORBIDDEN_ATTR_CALLS:
        _refuse(node, f".{attr}")
    if written is None:
        written = isinstance(getattr(node, "ctx", None), (ast.Store, ast.Del))
    if attr in WRAPPER_INSIDES and (written or attr in ("func", "fget", "fset", "fdel")) \
            and not (isinstance(value, ast.Name) and names.own(value.id)) \
            and not (isinstance(value, ast.Call) and isinstance(value.func, ast.Name)
                     and names.own(value.func.id)):
        _refuse(node, f"{'changing ' if written else ''}.{attr} of an object not of your "
                      "classes (a wrapper's insides)")
    module = _resolved(value, imported, names) if value is not None else None
    if module is not None and attr in MODULE_FORBIDDEN.get(module.__name__, ()) \
            and not (pipe_close and module.__name__ == "os" and attr in FD_OPS):
        _refuse(node, f"{ast.unparse(value)}.{attr}" + (
            " of a descriptor other than one os.pipe() gave you (use the objects you open)"
            if module.__name__ == "os" and attr in FD_OPS else ""))
    if module is not None and _module_reached(module, attr):
        _refuse(node, f"{ast.unparse(value)}.{attr} (a module reached through another: "
                      "import only what the exercise lists)")
    root = value
    while isinstance(root, ast.Attribute):  # threading.Condition.wait: threading's
        root = root.value
    if isinstance(root, ast.Name) and root.id in imported and isinstance(
            getattr(node, "ctx", None), (ast.Store, ast.Del)):
        _refuse(node, f"changing {ast.unparse(value)}.{attr} (a module's attribute)"
                if root is value else f"changing {ast.unparse(value)}.{attr} (part of a module)")
    if not attr.startswith("_"):
        return
    if attr in NAMES | NAMED_TUPLE and not isinstance(getattr(node, "ctx", None),
                                                      (ast.Store, ast.Del)):
        return
    if module is not None and attr not in MODULE_PRIVATE_OK:
        # a module's private attributes are its own workings (``dataclasses._create_fn``
        # runs exec, ``typing._eval_type`` evaluates text: a policy review,
        # twenty-seventh session); ``os._exit`` is documented
        _refuse(node, f"the private attribute .{attr} of a module")
    if isinstance(value, ast.Name) and (names.module(value.id) or names.own(value.id)) \
            and not (attr.startswith("__") and attr.endswith("__")):
        return  # (``Stats.__made``: mangled, its own; a policy review, twenty-seventh session)
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) \
            and names.own(value.func.id) and not attr.startswith("__"):
        return  # OwnClass(...)._run()
    if attr == "__init__" and _on_a_class(value, names):
        return  # threading.Thread.__init__(self), in a subclass's __init__
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) \
            and value.func.id == "super" and _plain_super(value, names.scopes) \
            and attr not in SUPER_CLASSES:
        return  # super()._helper(), super().__repr__(): its own class's, bound to self
    _refuse(node, f"the private attribute .{attr}" if not attr.startswith("__")
            else f"the dunder attribute .{attr}")


SUPER_CLASSES = {"__thisclass__", "__self_class__", "__self__"}  # what super() is made of


def _on_a_class(value, names: _Names) -> bool:
    """``value`` names a class: the learner's own, or one of a module it
    imported (``threading.Thread``), not an object it was given."""
    if isinstance(value, ast.Name):
        return names.own(value.id)
    root = value
    while isinstance(root, ast.Attribute):
        root = root.value
    return isinstance(root, ast.Name) and names.module(root.id)


def _refuse(node, what: str) -> None:
    raise Refused(f"line {getattr(node, 'lineno', '?')}: {what} is not allowed in a submission")
