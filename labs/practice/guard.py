"""The guard: what the learner's code may not do while it runs.

Runs in the learner's process: ``labs.practice.jail`` installs it just
before the learner's module loads. The policy (``labs.practice.policy``)
reads the source before it runs, by names; the guard watches what the code
does, whatever it is called. It is an audit hook (PEP 578,
``sys.addaudithook``): CPython calls it on the operations it audits, in the
thread that does them, and a hook once added cannot be removed.

What it stops are the ways to the check's own state in the process (the
runner's frame, where each call's token is kept; the process's memory):

- every thread's frames (``sys._current_frames``), the object graph
  (``gc.get_referrers``, ``get_referents``, ``get_objects``), tracing and
  profiling (``sys.settrace``, ``sys.setprofile``, ``sys.monitoring``),
  an audit hook of its own (it would see every frame), ``breakpoint()``,
  ``ctypes`` (the jail forgets it after its own use: importing it again is
  seen), a second interpreter (it has no hook: ``_interpreters`` imported,
  or ``PyInterpreterState_New``), a program started (``os.exec*``,
  ``os.posix_spawn``, ``os.system``, ``subprocess``: the ways that raise an
  event; the kernel refuses every other, ``jail.forbid_programs``); code
  made at run time by the learner's code or by code a stdlib function
  compiled for it (``compile``, ``CodeType``, ``code.replace``,
  ``marshal.loads``, ``timeit``'s, ``codeop``'s under a library file's name);
- a frame taken (``sys._getframe``) but by the stdlib functions that only
  read a module's name from it (in ``collections``, ``typing``, ``enum``,
  ``dataclasses``: those whose own code calls ``_getframe``) and
  ``logging``'s caller lookup; a frame read off a traceback, a generator or
  a coroutine (``tb_frame``, ``gi_frame``, ``cr_frame``, ``ag_frame``) but
  by ``traceback``'s own code, called from ``logging``
  (``logging.exception``) or the check's. Each is known by its code object
  running with its module's globals (not by a file's name, nor a code
  object lent to the learner's function), and only while the functions it
  hands frames to are still the modules' own (``logging.currentframe``,
  ``_is_internal_frame``; ``traceback``'s functions and methods,
  ``itertools``', ``linecache``'s);
- opening a relative path from the learner's code (a ``dir_fd`` the guard
  cannot see), or anything in ``/proc`` by its name or where it leads
  (``/proc/self/mem`` writes the memory), but the check's own writes of a
  thread's name; making a link (one swapped between the guard's look and the
  open would lead elsewhere);
- rewriting, from the learner's code, what CPython audits of an object that
  is not the learner's: a function's code or defaults, a class's bases or
  name, an object's class (``threading.Event.set.__code__ = ...``).

Everything the hook uses is bound when it is installed (builtins, ``os``
functions, the code objects it trusts), and it runs no code of the
learner's: no ``isinstance`` (it asks ``__class__``), no ``==`` on a str
that may be a subclass, no dict lookup by key in a namespace the learner
can write (a key of the same hash runs its ``__eq__``). Every event is
judged, nested or not: a signal handler may run inside the hook. The
guard's own frame read is told from any other by the identity of the
traceback it reads.

A process that tries is ended at once (``os._exit(STATUS)``): the grader
reads the exit status from the kernel, and the line the guard wrote to the
process's standard error names what and where (``detail``). Neither is
trusted beyond that: a learner's code that exits with ``STATUS`` itself
only fails.

The limits: audit hooks "are not suitable for implementing a sandbox"
(the ``sys.addaudithook`` documentation, since gh-87604; PEP 578, "Why Not
A Sandbox"), and a hook in Python, added after start-up, less so. Not every
operation is audited: ``f_back``, ``f_locals``, a function's
``__globals__`` and ``__closure__`` are not, nor writing a module's or a
class's attributes. Two hostile rounds in the twenty-ninth session, with the
policy out of the way, found 24 ways past the guard; the ones it stops now
are tests (tests/test_practice_guard.py). Three more passed a wrong answer
through what no event shows (a Wire reached through a proxy's closure, its
``call`` replaced; ``json._default_encoder`` replaced; a handler installed
with the real ``_signal.signal`` from ``hide_frames``' closure, whose frame led
to the Wire): the runners now report on a path bound before the learner's
code loads (``wire.runner_path``), and each fails. A third round (thirtieth
session) found nine: a program started (the kernel refuses it now:
``jail.forbid_programs``), the learner's code renamed after a library file,
a library function made to write for it (``update_wrapper``), a file it
wrote and imported, code compiled under a library file's name (``codeop``),
a path through ``..`` raced past the look at ``/proc``: each fails now. What
is left is what only the policy refuses, none of it audited: a closure's
cells read or written (the runner's path functions hold theirs), a module's
globals rewritten through a function's ``__globals__`` (the jail's runner
replaced so), a class's attributes, the frames the garbage collector keeps
(``gc.DEBUG_SAVEALL`` puts a reference cycle's frames in ``gc.garbage``), and
a module that speaks the check's protocol itself from the moment it loads
(through the dial descriptor: the policy refuses a socket over a descriptor
the code did not open). The guard is the second line, not the proof. A signal
handler is handed ``None`` for its frame (``hide_frames``; the signal
module's documentation allows it: "None or a frame object"), so that the
one frame CPython hands out unasked does not reach the runner's.
"""
from __future__ import annotations

import os
import sys

STATUS = 86  # the exit status of a process the guard ended
PREFIX = "labs-guard: "  # its line on the process's standard error

LEARNER_FILE = "<your code>"

# what these events are, in the learner's words
ALWAYS = {
    "sys._current_frames": "read every thread's frame (sys._current_frames)",
    "sys._current_exceptions": "read every thread's exception (sys._current_exceptions)",
    "gc.get_referrers": "walked the object graph (gc.get_referrers)",
    "gc.get_referents": "walked the object graph (gc.get_referents)",
    "gc.get_objects": "walked the object graph (gc.get_objects)",
    "sys.settrace": "set a trace function (sys.settrace)",
    "sys.setprofile": "set a profile function (sys.setprofile)",
    "sys._settraceallthreads": "set a trace function (sys._settraceallthreads)",
    "sys._setprofileallthreads": "set a profile function (sys._setprofileallthreads)",
    "sys.monitoring.register_callback": "registered a sys.monitoring callback",
    "sys.addaudithook": "added an audit hook (sys.addaudithook)",
    "builtins.breakpoint": "called breakpoint()",
    "cpython.PyInterpreterState_New": "started a second interpreter (it has no guard)",
    # a link swapped between the guard's look at a path and the open (3 opens of
    # 12 reached /proc/self/maps so, in a hostile round): no link is made at all
    "os.symlink": "made a symbolic link (os.symlink)",
    "os.link": "made a hard link (os.link)",
    # a program started runs without the guard, and can read this process's memory
    # (a fork keeps the hook: it is the same program)
    "os.exec": "started a program (os.exec*): it runs without the guard",
    "os.posix_spawn": "started a program (os.posix_spawn): it runs without the guard",
    "os.system": "started a program (os.system): it runs without the guard",
    "subprocess.Popen": "started a program (subprocess): it runs without the guard",
}
FRAME_ATTRIBUTES = frozenset({"tb_frame", "gi_frame", "cr_frame", "ag_frame"})
# modules that start interpreters (from 3.13 they raise no PyInterpreterState_New)
# or reach CPython's insides: never imported by the learner's code (3.14's
# concurrent.futures imports _interpreters itself), the public ones never at all
NO_IMPORT = frozenset({"_interpreters", "_xxsubinterpreters", "_interpchannels",
                       "_xxinterpchannels", "_interpqueues", "ctypes", "_ctypes", "_testcapi",
                       "_testinternalcapi", "_testlimitedcapi", "_testmultiphase",
                       "_testsinglephase"})
NO_IMPORT_EVER = frozenset({"concurrent.interpreters", "concurrent.futures.interpreter"})
# the modules whose own code may take a frame to read a module's name from it
NAMES_ONLY = ("collections", "typing", "enum", "dataclasses")


def detail(stderr: str) -> str | None:
    """The guard's line in a process's standard error, or None."""
    for line in reversed(stderr.splitlines()):
        if line.startswith(PREFIX):
            return line[len(PREFIX):].strip()[:300] or None
    return None


def _codes(module, names_getframe: bool = False) -> dict:
    """The code objects of a module's functions, its classes' methods and
    everything nested in them, by id (a code object compares equal to a copy
    of it; only the same object is trusted). ``names_getframe``: only those
    whose own code names ``_getframe``."""
    found: dict = {}

    def add(code) -> None:
        if id(code) in found:
            return
        if not names_getframe or "_getframe" in code.co_names:
            found[id(code)] = code
        for const in code.co_consts:
            if isinstance(const, type(add.__code__)):
                add(const)

    def of(value) -> None:
        value = getattr(value, "__func__", value)  # classmethod, staticmethod
        code = getattr(value, "__code__", None)
        if isinstance(code, type(add.__code__)) and code.co_filename == module.__file__:
            add(code)

    for value in list(vars(module).values()):
        of(value)
        if isinstance(value, type) and value.__module__ == module.__name__:
            for inner in list(vars(value).values()):
                of(inner)
                if isinstance(inner, property):
                    for f in (inner.fget, inner.fset, inner.fdel):
                        of(f)
    return found


def _roots() -> list:
    """The directories whose files hold the library's code and the check's
    own (each ends with "/"), as given and as the kernel resolves them."""
    found = [os.path.dirname(os.__file__), OWN_ROOT]  # (lib-dynload is below the first)
    out = []
    for p in found:
        if p:
            for q in (os.path.abspath(p), os.path.realpath(p)):
                q = os.path.join(q, "")
                if q not in out:
                    out.append(q)
    return out


OWN_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the labs package


def _snapshot(module, held=()) -> list:
    """[(namespace, {name: value})] of a module's functions, classes and
    modules, of its classes' methods, and of the modules it holds named in
    ``held`` (traceback hands a generator of frames to ``itertools.islice``
    and frames' globals to ``linecache``): what a frame handed to the module
    may reach."""
    out: dict = {}

    def keep(space, name, value) -> None:
        if type(name) is str and (callable(value) or isinstance(value, (
                classmethod, staticmethod, type(sys)))):
            out.setdefault(id(space), (space, {}))[1][name] = value

    def of(module, deep: bool) -> None:
        for name, value in list(vars(module).items()):
            keep(vars(module), name, value)
            if isinstance(value, type) and value.__module__ == module.__name__:
                for k, v in list(vars(value).items()):
                    keep(vars(value), k, v)
            if deep and isinstance(value, type(sys)) and value.__name__ in held:
                of(value, False)
    of(module, True)
    return list(out.values())


def install(own_readers=(), name_writer=None) -> None:
    """Add the guard's hook. ``own_readers``: the check's functions that
    print a learner's traceback (their ``traceback`` calls read frames);
    ``name_writer``: the check's function that names a thread in the kernel
    (it writes ``/proc/self/task/TID/comm``)."""
    import collections
    import dataclasses
    import enum
    import importlib
    import logging
    import threading
    import traceback
    import types
    import typing
    modules = {"collections": collections, "typing": typing, "enum": enum,
               "dataclasses": dataclasses}
    # Everything the hook calls, bound now: no builtin, module global or
    # method of an object of the learner's is looked up while it runs
    # (isinstance() would ask an object's __class__, == a str subclass's __eq__,
    # a dict lookup the __eq__ of a key that collides with the one looked up)
    get, subclass, to_type, ident, length = getattr, issubclass, type, id, len
    int_, str_, bytes_ = int, str, bytes
    exit_, write, stat = os._exit, os.write, os.stat
    function_type, error, os_error, value_error = types.FunctionType, BaseException, \
        OSError, ValueError  # (error: the exception the guard raises to read its own frame)
    str_copy, bytes_slice, bytes_decode, whole = str.__str__, bytes.__getitem__, \
        bytes.decode, slice(None)
    str_split, str_join, str_startswith = str.split, str.join, str.startswith
    code_of = types.FunctionType.__dict__["__code__"].__get__
    class_dict = type.__dict__["__dict__"].__get__
    always, frame_attributes, no_import, no_import_ever = dict(ALWAYS), FRAME_ATTRIBUTES, \
        NO_IMPORT, NO_IMPORT_EVER
    learner_file, prefix, status = LEARNER_FILE, PREFIX, STATUS
    importlib_file = importlib.__file__
    proc_dev = stat("/proc").st_dev
    # where the library's code and the check's own come from: code from a file
    # anywhere else (one the learner's code wrote, then imported) is the learner's
    roots = tuple(_roots())
    own_root = os.path.join(OWN_ROOT, "")
    # what a library function may not write for the learner's code: what an
    # object does (its names a library writes as it makes a class for it:
    # namedtuple's __module__)
    behaviour = frozenset({"__code__", "__defaults__", "__kwdefaults__", "__bases__",
                           "__class__"})
    code_type = types.CodeType
    mine: dict = {}  # the learner's module's code objects, by id (held: ids stay theirs)
    # the code objects trusted, each with the globals it must run with (a
    # learner's function given one of them as its __code__ runs it with the
    # learner's globals: a hostile round, twenty-ninth session)
    getframe_callers: dict = {}
    for name in NAMES_ONLY:
        getframe_callers.update({k: (c, vars(modules[name])) for k, c in
                                 _codes(modules[name], names_getframe=True).items()})
    logging_globals, traceback_globals = vars(logging), vars(traceback)
    currentframe = getattr(logging, "currentframe", None)
    currentframe = currentframe.__code__ if currentframe is not None else None
    logging_codes = {k: (c, logging_globals) for k, c in _codes(logging).items()}
    traceback_codes = {k: (c, traceback_globals) for k, c in _codes(traceback).items()}
    # threading's excepthook: from 3.13 the C printer of a thread's uncaught
    # error runs traceback's Python code (measured 3.13.0, 3.14, 3.15: a
    # learner's helper thread that raised ended the process, "read a frame")
    threading_hook = {k: (c, vars(threading)) for k, c in _codes(threading).items()
                      if c.co_name == "invoke_excepthook"}
    find_caller = logging.Logger.findCaller.__code__
    own = {id(f.__code__): (f.__code__, f.__globals__) for f in own_readers}
    writer = name_writer.__code__ if name_writer is not None else None
    # what findCaller hands its frames to, and what traceback does
    kept_logging = [(logging_globals, {n: logging_globals[n] for n in (
        "currentframe", "_is_internal_frame", "traceback") if n in logging_globals})]
    kept_traceback = _snapshot(traceback, held=("itertools", "linecache")) + kept_logging
    busy = threading.local()  # busy.tb: the traceback the guard itself reads

    def text(value) -> str:
        """An exact copy of a str (of a subclass too), or ""."""
        return str_copy(value) if subclass(to_type(value), str_) else ""

    def learners_code(code) -> bool:
        """Code the learner's module holds (by identity: a code object renamed
        after a library file, ``_imp._fix_co_filename``, is still its own),
        code made at run time (``<string>``: ``eval`` in a stdlib function
        hands back code the learner wrote), or code from a file outside the
        library and the check (one the learner's code wrote and imported)."""
        if registered(code):
            return True
        name = text(code.co_filename)
        return name == learner_file or not (str_startswith(name, roots)
                                            or str_startswith(name, "<frozen "))

    def registered(code) -> bool:
        """The learner's module's code, known by identity (``register``)."""
        return mine.get(ident(code)) is code

    def library_frame(frame) -> bool:
        return not learners_code(frame.f_code) and not str_startswith(
            text(frame.f_code.co_filename), own_root)

    def acting(frame):
        """The first frame, from ``frame`` up, that is not the library's: whose
        code a library function acts for (``functools.update_wrapper`` writes
        what it is told to)."""
        while frame.f_back is not None and library_frame(frame):
            if str_startswith(text(frame.f_back.f_code.co_filename), "<frozen importlib"):
                return frame  # a module's own top level, run by an import
            frame = frame.f_back
        return frame

    def register(code) -> None:
        """The learner's module's code, and the code it holds, by identity."""
        todo = [code]
        while todo:
            c = todo.pop()
            if ident(c) in mine:
                continue
            mine[ident(c)] = c
            todo.extend(k for k in c.co_consts if to_type(k) is code_type)

    def intact(kept) -> bool:
        """These namespaces hold the functions they held at start; read
        without a lookup by key (a key of the learner's that collides with the
        one looked up would run its __eq__)."""
        for space, wanted in kept:
            seen = 0
            for k, v in space.items():
                if to_type(k) is not str_:
                    return False
                w = wanted.get(k, wanted)
                if w is not wanted:
                    if w is not v:
                        return False
                    seen += 1
            if seen != length(wanted):
                return False
        return True

    def caller_of_hook():
        """The frame of the code that raised the event: read off a traceback
        the guard makes, known by identity (``busy.tb``), so that its own read
        is told from any other (sys._getframe would raise an event the guard
        could not tell from a signal handler's, run inside the hook)."""
        try:
            raise error()
        except error as e:
            tb = e.__traceback__
        busy.tb = tb
        try:
            frame = tb.tb_frame  # this function's frame
        finally:
            busy.tb = None
        caller = frame.f_back.f_back.f_back  # judge, hook, then the code
        # no cycle left (this frame holding the traceback that holds it): with
        # gc.DEBUG_SAVEALL it would land in gc.garbage, and lead to every
        # frame below it (a hostile round, thirtieth session)
        tb = frame = None
        return caller

    def where(frame) -> str:
        while frame is not None:
            if text(frame.f_code.co_filename) == learner_file or registered(frame.f_code):
                return f" at line {frame.f_lineno}"
            frame = frame.f_back
        return ""

    def stop(what: str, frame) -> None:
        try:
            write(2, f"\n{prefix}your code {what}{where(frame)}\n".encode())
        finally:
            exit_(status)

    def known(table, frame) -> bool:
        """``frame`` runs a code object of ``table``, with its own globals."""
        code = frame.f_code
        entry = table.get(ident(code))
        return entry is not None and entry[0] is code and frame.f_globals is entry[1]

    def from_traceback(caller) -> bool:
        """``caller`` is traceback's code, called (however deep in traceback)
        from logging's code, the check's own, or threading's excepthook."""
        frame = caller
        while frame is not None and known(traceback_codes, frame):
            frame = frame.f_back
        return frame is not caller and frame is not None and (
            known(logging_codes, frame) or known(own, frame)
            or known(threading_hook, frame)) and intact(kept_traceback)

    def frame_allowed(event, caller) -> bool:
        if event == "sys._getframe":
            if known(getframe_callers, caller):
                return True
            if currentframe is not None and caller.f_code is currentframe \
                    and caller.f_globals is logging_globals:
                up = caller.f_back  # Logger.findCaller, logging's own
                if not (up is not None and up.f_code is find_caller
                        and up.f_globals is logging_globals and intact(kept_logging)):
                    return False
                stack_info = up.f_locals.get("stack_info")  # traceback prints the stack
                return stack_info is None or stack_info is False or intact(kept_traceback)
            return from_traceback(caller)
        # tb_frame and the like; logging's handleError reads tb_frame itself
        if known(logging_codes, caller) and caller.f_code.co_name == "handleError":
            return intact(kept_traceback)
        return from_traceback(caller)

    def path_of(raw):
        """The path an ``open`` was given, as an exact str, or None for a
        descriptor; never runs code of the learner's."""
        kind = to_type(raw)
        if subclass(kind, int_):
            return None
        if subclass(kind, str_):
            return str_copy(raw)
        if subclass(kind, bytes_):
            return bytes_decode(bytes_slice(raw, whole), "utf-8", "surrogateescape")
        return ""  # a path the guard cannot read: refused as a relative one

    def proc_open(path: str, caller):
        """Why this open is refused, or None."""
        if not str_startswith(path, "/") and learners_code(caller.f_code):
            # (a dir_fd the event does not show could lead anywhere; stdlib code
            # opens relative names: 3.15's traceback tries "<unknown>")
            return f"opened a relative path ({path[:80]!r}): the guard cannot see where it leads"
        # where it leads, as the kernel resolves it (a symlink, ``/dev/fd/..``),
        # and what it says (a name in /proc that is not there yet)
        try:
            in_proc = stat(path).st_dev == proc_dev
        except (os_error, value_error):
            in_proc = False
        parts = [part for part in str_split(path, "/") if part not in ("", ".")]
        name = "/" + str_join("/", parts)
        if ".." in parts:
            # ``..`` goes where the kernel finds a directory's parent as it opens:
            # a directory renamed, or made, after the look above leads elsewhere
            # (a hostile round, thirtieth session: /tmp/x/A/B/../../../proc, B made
            # and removed in a loop, opened /proc/self/maps 7 gradings of 10)
            return f"opened a path through '..' ({path[:80]!r}): write where it leads"
        if not (in_proc or parts[:1] == ["proc"]):
            return None
        if (writer is not None and caller.f_code is writer and length(parts) == 5
                and parts[2] == "task" and parts[4] == "comm"):
            return None
        return f"opened {name[:80]} (nothing in /proc is an answer's to open)"

    def importer(frame):
        """The frame whose code imports (past importlib's own)."""
        while frame.f_back is not None:
            name = text(frame.f_code.co_filename)
            if not (str_startswith(name, "<frozen importlib") or name == importlib_file):
                break
            frame = frame.f_back
        return frame

    def learners(obj) -> bool:
        """A function or class of the learner's (its ``__module__`` read off
        its namespace by iterating it: no lookup by key)."""
        kind = to_type(obj)
        if subclass(kind, function_type):
            return learners_code(code_of(obj))
        cls = obj if subclass(kind, to_type) else kind
        module = False
        for k, v in class_dict(cls).items():
            if to_type(k) is str_ and k == "__module__":
                module = text(v) == "answer"
            elif subclass(to_type(v), function_type) and not learners_code(code_of(v)):
                return False  # a library's class, whatever its __module__ now says
        return module

    def judge(event, args) -> None:
        what = always.get(event)
        if what is not None or str_startswith(event, "ctypes."):
            stop(what or f"used ctypes ({event})", caller_of_hook())
        if event == "object.__getattr__":
            name = text(args[1]) if length(args) > 1 else ""
            if name not in frame_attributes or (length(args) and args[0] is get(busy, "tb", None)):
                return  # (f_code and the like, the guard's own reads among them)
            caller = caller_of_hook()
            if not frame_allowed(event, caller):
                stop(f"read a frame ({name})", caller)
            return
        caller = caller_of_hook()
        if event == "sys._getframe":
            if not frame_allowed(event, caller):
                stop("took a frame (sys._getframe)", caller)
        elif event == "open":
            path = path_of(args[0] if args else None)
            why = None if path is None else proc_open(path, caller)
            if why is not None:
                stop(why, caller)
        elif event == "import":
            name = text(args[0]) if args else ""
            if name in no_import_ever or (name in no_import and learners_code(
                    importer(caller).f_code)):
                stop(f"imported {name}", caller)
        elif event in ("compile", "marshal.loads", "code.__new__"):
            if learners_code(caller.f_code):
                stop(f"made code at run time ({event})", caller)
            if event == "compile" and length(args) > 1 and str_startswith(
                    text(args[1]), roots) and not str_startswith(
                    text(caller.f_code.co_filename), "<frozen importlib") and learners_code(
                    acting(caller).f_code):
                # code under a library file's name, made for the learner's code by
                # another library function than the import system's
                # (codeop.compile_command). (3.11's C traceback printing parses
                # the source line of each frame it shows: a compile event under
                # that file's name, from threading's excepthook, acting for no one)
                stop("made code under a library file's name (compile)", acting(caller))
        elif event == "exec":
            # the learner's module as the jail runs it: its code objects are
            # known by identity from here on, whatever name they are given later
            if args and to_type(args[0]) is code_type and text(
                    args[0].co_filename) == learner_file:
                register(args[0])
        elif event in ("object.__setattr__", "object.__delattr__"):
            # judged by the code a library function acts for (update_wrapper's
            # ``assigned``: a hostile round, thirtieth session)
            name = text(args[1]) if length(args) > 1 else "?"
            mover = caller if learners_code(caller.f_code) else acting(caller)
            if args and learners_code(mover.f_code) and not learners(args[0]) and (
                    mover is caller or name in behaviour):
                stop(f"rewrote {name} of an object not its own", caller)

    watched = frozenset(always) | {"sys._getframe", "object.__getattr__", "open", "import",
                                   "compile", "exec", "marshal.loads", "code.__new__",
                                   "object.__setattr__", "object.__delattr__"}

    def hook(event, args):
        # Judged every time, nested or not: a signal handler can run inside
        # the hook (a hostile round: one that ran while a flag said "the
        # guard's own" took frames unjudged); the guard's own frame read is
        # told by its traceback's identity (caller_of_hook)
        if event not in watched and not str_startswith(event, "ctypes."):
            return
        # An exception out of the hook aborts the operation (PEP 578): one a
        # signal handler raised inside the hook (a KeyboardInterrupt) stays the
        # learner's own, and nothing forbidden happens either way
        judge(event, args)

    sys.addaudithook(hook)


def hide_frames(signal_module) -> None:
    """A learner's signal handler is called with ``None`` for its frame
    (the interrupted frame's ``f_back`` leads to the runner's): in
    ``_signal`` (the C module, where ``signal.signal`` ends) and in
    ``signal``. What ``signal`` and ``getsignal`` return is still the
    learner's own handler."""
    import _signal
    real_signal, real_getsignal = _signal.signal, _signal.getsignal
    given = {}  # signal number -> (the learner's handler, the one installed)

    def signal(signalnum, handler):
        installed = handler
        if callable(handler):
            def installed(signum, frame, handler=handler):
                return handler(signum, None)
        previous = real_signal(signalnum, installed)
        learner, ours = given.get(int(signalnum), (None, None))
        given[int(signalnum)] = (handler, installed)
        return learner if ours is not None and previous is ours else previous

    def getsignal(signalnum):
        current = real_getsignal(signalnum)
        learner, ours = given.get(int(signalnum), (None, None))
        return learner if ours is not None and current is ours else current

    signal.__doc__, getsignal.__doc__ = real_signal.__doc__, real_getsignal.__doc__
    _signal.signal, _signal.getsignal = signal, getsignal
    if signal_module.signal is real_signal:  # (signal.py wraps _signal's: it calls ours now)
        signal_module.signal = signal
    if signal_module.getsignal is real_getsignal:
        signal_module.getsignal = getsignal
