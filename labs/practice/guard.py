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
  ``ctypes``, a code object made at run time (``CodeType``,
  ``code.replace``);
- a frame taken (``sys._getframe``) or read off a traceback, a generator or
  a coroutine (``tb_frame``, ``gi_frame``, ``cr_frame``, ``ag_frame``), but
  by the few stdlib functions that only read a module's name or a line
  (``logging``'s caller lookup, ``collections.namedtuple``, ``typing``,
  ``enum``, ``dataclasses``) or print a traceback (``traceback``'s own
  walk, as ``logging.exception`` does);
- opening anything under ``/proc`` (``/proc/self/mem`` writes the memory)
  but the check's own writes of a thread's name;
- rewriting what CPython audits of an object that is not the learner's: a
  function's code or defaults, a class's bases or name, an object's class
  (``threading.Event.set.__code__ = ...``).

A process that tries is ended at once (``os._exit(STATUS)``): the grader
reads the exit status from the kernel, and the line the guard wrote to the
process's standard error names what and where (``detail``). Neither is
trusted beyond that: a learner's code that exits with ``STATUS`` itself
only fails.

The limits: audit hooks "are not suitable for implementing a sandbox"
(the ``sys.addaudithook`` documentation, since gh-87604; PEP 578, "Why Not
A Sandbox"), and a hook in Python, added after start-up, less so. Not every
operation is audited (``f_back``, ``f_locals``, a function's
``__globals__`` and ``__closure__`` are not, nor writing a module's
attributes, a class's attributes: ``socket.socket.sendall = spy``); the
policy is what keeps those out. A signal handler is
handed ``None`` for its frame (``hide_frames``; the signal module's
documentation allows it: "None or a frame object"), so that the one frame
CPython hands out unasked does not reach the runner's.
"""
from __future__ import annotations

import os
import re
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
    "code.__new__": "made a code object",
}
FRAME_ATTRIBUTES = frozenset({"tb_frame", "gi_frame", "cr_frame", "ag_frame"})
# /proc/PID/task/TID/comm: the check's own threads name themselves in the kernel
THREAD_NAME = re.compile(r"/proc/\d+/task/\d+/comm\Z")


def detail(stderr: str) -> str | None:
    """The guard's line in a process's standard error, or None."""
    for line in reversed(stderr.splitlines()):
        if line.startswith(PREFIX):
            return line[len(PREFIX):].strip()[:300] or None
    return None


def _files(*names) -> frozenset:
    """The source files of these stdlib modules (imported if they are not)."""
    import importlib
    out = set()
    for name in names:
        try:
            out.add(importlib.import_module(name).__file__)
        except (ImportError, AttributeError):
            pass
    return frozenset(f for f in out if f)


def install(own_files) -> None:
    """Add the guard's hook; ``own_files`` are the check's own source files
    (jail, wire: their code names threads). Everything the hook uses is
    bound here, so that rebinding ``os._exit`` or ``sys._getframe`` later
    changes nothing."""
    import threading
    import types
    files = {name: next(iter(_files(name)), None)
             for name in ("logging", "traceback", "collections", "typing", "enum",
                          "dataclasses")}
    names_only = frozenset(files[n] for n in ("collections", "typing", "enum", "dataclasses")
                           if files[n])
    logging_file, traceback_file = files["logging"], files["traceback"]
    trusted = frozenset(f for f in files.values() if f) | frozenset(own_files)
    own = frozenset(own_files)
    exit_, write, getframe, realpath = os._exit, os.write, sys._getframe, os.path.realpath
    type_module = type.__dict__["__module__"].__get__
    code_of = types.FunctionType.__dict__["__code__"].__get__
    str_copy, is_str, is_bytes, is_type, is_function = (
        str.__str__, str, bytes, type, types.FunctionType)
    busy = threading.local()

    def where(frame) -> str:
        while frame is not None:
            if frame.f_code.co_filename == LEARNER_FILE:
                return f" at line {frame.f_lineno}"
            frame = frame.f_back
        return ""

    def stop(what: str, frame) -> None:
        try:
            write(2, f"\n{PREFIX}your code {what}{where(frame)}\n".encode())
        finally:
            exit_(STATUS)

    def frame_allowed(event, args, caller) -> bool:
        code = caller.f_code
        f = code.co_filename
        if event == "sys._getframe":
            if f in names_only:
                return True
            return (f == logging_file and code.co_name == "<lambda>"
                    and caller.f_back is not None
                    and caller.f_back.f_code.co_filename == logging_file
                    and caller.f_back.f_code.co_name == "findCaller")
        # a frame read off a traceback: traceback's walk, fed to its own
        # summaries (print_exception, extract_tb); logging's handleError
        if f == traceback_file:
            up = caller.f_back
            return up is not None and up.f_code.co_filename == traceback_file
        return f == logging_file and code.co_name == "handleError"

    def judge(event, args) -> None:
        what = ALWAYS.get(event)
        if what is not None or event.startswith("ctypes."):
            stop(what or f"used ctypes ({event})", getframe(2))
        caller = getframe(2)  # 0: judge, 1: hook, 2: the code that did it
        if event == "sys._getframe":
            if not frame_allowed(event, args, caller):
                stop("took a frame (sys._getframe)", caller)
        elif event == "object.__getattr__":
            if len(args) > 1 and args[1] in FRAME_ATTRIBUTES and not frame_allowed(event, args, caller):
                stop(f"read a frame ({args[1]})", caller)
        elif event == "open":
            path = args[0] if args else None
            if isinstance(path, is_str):
                path = str_copy(path)
            elif isinstance(path, is_bytes):
                path = os.fsdecode(memoryview(path).tobytes())
            else:
                return  # a descriptor already open
            real = realpath(path)
            if (real == "/proc" or real.startswith("/proc/")) and not (
                    caller.f_code.co_filename in own and THREAD_NAME.match(real)):
                stop(f"opened {real} (nothing under /proc is an answer's to open)", caller)
        elif event == "compile":
            if len(args) > 1 and args[1] in trusted:
                stop("compiled code under a stdlib file's name", caller)
        elif event in ("object.__setattr__", "object.__delattr__"):
            if args and not learners(args[0]) and caller.f_code.co_filename not in trusted:
                stop(f"rewrote {args[1] if len(args) > 1 else '?'} of an object not its own",
                     caller)

    def learners(obj) -> bool:
        if isinstance(obj, is_function):
            return code_of(obj).co_filename == LEARNER_FILE
        return type_module(obj if isinstance(obj, is_type) else type(obj)) == "answer"

    watched = frozenset(ALWAYS) | {"sys._getframe", "object.__getattr__", "open", "compile",
                                   "object.__setattr__", "object.__delattr__"}

    def hook(event, args):
        if event not in watched and not event.startswith("ctypes."):
            return
        if getattr(busy, "on", False):  # the guard's own sys._getframe
            return
        busy.on = True
        try:
            judge(event, args)
        except BaseException:  # noqa: B036 - a guard that fails ends the process
            stop(f"made the guard fail ({event})", None)
        finally:
            busy.on = False

    sys.addaudithook(hook)


def hide_frames(signal_module) -> None:
    """A learner's signal handler is called with ``None`` for its frame
    (the interrupted frame's ``f_back`` leads to the runner's). What
    ``signal.signal`` and ``getsignal`` return is still the learner's own
    handler."""
    real_signal, real_getsignal = signal_module.signal, signal_module.getsignal
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
    signal_module.signal, signal_module.getsignal = signal, getsignal
