"""The learner's process, for exercises graded on the grader's objects.

Runs in the sandboxed child (``python -m labs.child practice EXERCISE``, see
``labs.practice.child``), with the payload {"source", "functions",
"dial_fd", "uid", "modules"}. Before any learner code runs it

1. imports the modules the policy lets the learner import (``modules``);
2. when started as root, becomes ``uid`` (a user id of its own for this
   check, no groups, a cap on its processes): it can then neither signal
   the grader nor read another process's file descriptors, and every
   process it starts (even in a session of its own) carries that uid, so
   the grader finds and kills them all after the check;
3. becomes a child subreaper (prctl), so that an orphaned descendant stays
   its descendant while it lives (the grader's fallback without root);
4. asks the kernel to refuse it, and every process it starts, any program
   (a seccomp filter: ``forbid_programs``);
5. forgets where the ``labs`` package is (sys.path, package paths);
6. binds the runners' path to the grader (``wire.runner_path``: what their
   reports go through, out of reach of anything the learner's code rebinds);
7. installs the guard (``labs.practice.guard``: an audit hook that ends the
   process when the learner's code reaches for frames, the object graph,
   tracing or the process's memory) and hands signal handlers no frame.

Then it loads the learner's code and serves the grader: ``next`` returns
the next repetition's spec (which learner functions to run, in which named
threads, on which proxies) or None. Each call of a learner function is
reported as an operation (``call``, then ``returned`` or ``raised``, with
the token the grader answered ``call`` with: kept in the runner's local
variable, it makes a report's line written by other code a forged one).
None of this is trusted by the grader beyond being an operation: the
verdict comes from the grader's ledger and from the kernel.
"""
from __future__ import annotations

import builtins
import gc
import hashlib
import importlib
import os
import socket
import sys
import threading
import traceback
import types

from labs.practice import guard
from labs.practice import wire as wire_module

LEARNER_FILE = guard.LEARNER_FILE
TRACEBACK = BaseException.__dict__["__traceback__"]
TYPE_NAME = type.__dict__["__name__"].__get__  # a class's name, whatever its metaclass says


def drop_privileges(uid) -> None:
    if uid is None or os.geteuid() != 0:
        return
    import resource
    resource.setrlimit(resource.RLIMIT_NPROC, (256, 256))
    os.setgroups([])
    os.setresgid(uid, uid, uid)
    os.setresuid(uid, uid, uid)


MAX_WRITTEN = 64 << 20  # bytes any file the learner's process writes may grow to


def limit_writes() -> None:
    """A file the learner's process writes (its stderr is a file of the
    grader's) grows to MAX_WRITTEN bytes at most: a write past it raises
    OSError, "File too large" (EFBIG: CPython ignores SIGXFSZ). The grader
    keeps only the end of its stderr (supervise.MAX_STDERR), but the file
    took the disk: a worker that wrote 200 MiB to stderr between transfers
    had written 4.6 GB of it when its check of 2 runs ended (df, thirty-first
    session). The hard limit too: a process without root (drop_privileges)
    cannot raise it."""
    import resource
    resource.setrlimit(resource.RLIMIT_FSIZE, (MAX_WRITTEN, MAX_WRITTEN))


def become_subreaper() -> None:
    """Steps 3 and 4 (ctypes' prctl and syscall), then ctypes forgotten."""
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
        forbid_programs(ctypes, libc)
    except (OSError, AttributeError):
        pass
    # ctypes forgotten: loaded, a learner's `import ctypes` raised no event the
    # guard sees (a hostile round, twenty-ninth session, wrote memory with a
    # ctypes Union); imported again, it opens a library (ctypes.dlopen)
    for name in [n for n in sys.modules if n in ("ctypes", "_ctypes") or n.startswith("ctypes.")]:
        del sys.modules[name]


# seccomp (linux/seccomp.h, linux/filter.h, linux/audit.h): by machine, the
# filter's architecture and the numbers of seccomp(2), execve(2), execveat(2)
SECCOMP_ARCH = {"x86_64": (0xC000003E, 317, 59, 322), "aarch64": (0xC00000B7, 277, 221, 281)}


def forbid_programs(ctypes, libc) -> bool:
    """A seccomp filter on every thread of this process and of those it
    starts: ``execve`` and ``execveat`` fail with EPERM. A program started
    from the learner's process would run without the guard, on this
    process's memory (same user); the guard stops the calls that raise an
    event (``os.exec*``, ``subprocess``), the kernel every other (3.15's
    ``_posixsubprocess`` is built in: a fresh copy of its ``fork_exec``,
    made with ``_imp``, raises none). A system call of another architecture
    (x32's, i386's) fails the same way. False where the machine is not one
    of SECCOMP_ARCH or the kernel refuses (the guard alone then)."""
    import platform
    arch = SECCOMP_ARCH.get(platform.machine())
    if arch is None:
        return False
    audit_arch, nr_seccomp, execve, execveat = arch

    class Filter(ctypes.Structure):
        _fields_ = [("code", ctypes.c_ushort), ("jt", ctypes.c_ubyte),
                    ("jf", ctypes.c_ubyte), ("k", ctypes.c_uint32)]

    class Program(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(Filter))]

    load, jeq, jge, ret = 0x20, 0x15, 0x35, 0x06  # BPF_LD|W|ABS, JMP|JEQ|K, JMP|JGE|K, RET|K
    allow, eperm = 0x7FFF0000, 0x00050000 | 1     # SECCOMP_RET_ALLOW, RET_ERRNO | EPERM
    code = [(load, 0, 0, 4),                      # seccomp_data.arch
            (jeq, 1, 0, audit_arch),
            (ret, 0, 0, eperm),                   # another architecture's call
            (load, 0, 0, 0),                      # seccomp_data.nr
            (jge, 3, 0, 0x40000000),              # x32's numbers
            (jeq, 2, 0, execve),
            (jeq, 1, 0, execveat),
            (ret, 0, 0, allow),
            (ret, 0, 0, eperm)]
    filters = (Filter * len(code))(*[Filter(*c) for c in code])
    program = Program(len(code), filters)
    if libc.prctl(38, 1, 0, 0, 0) != 0:  # PR_SET_NO_NEW_PRIVS (a filter needs it)
        return False
    # SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC: every thread at once
    return libc.syscall(nr_seccomp, 1, 1, ctypes.byref(program)) == 0


def forget_labs() -> None:
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    sys.path[:] = [p for p in sys.path if p not in ("", ".", root)
                   and os.path.abspath(p) != root]
    # an editable install (pip install -e .) finds the package with a finder
    sys.meta_path[:] = [f for f in sys.meta_path
                        if "editable" not in (getattr(f, "__module__", "") or "")
                        and "editable" not in type(f).__module__]
    sys.path_importer_cache.clear()
    for name, module in list(sys.modules.items()):
        if name == "labs" or name.startswith("labs."):
            if hasattr(module, "__path__"):
                module.__path__ = []
            del sys.modules[name]
    try:
        os.chdir("/")
    except OSError:
        pass


def learner_frames(tb, lines) -> list:
    out = []
    for f in traceback.extract_tb(tb):
        if f.filename == LEARNER_FILE:
            text = lines[f.lineno - 1].strip() if f.lineno and 0 < f.lineno <= len(lines) else "?"
            out.append([f.lineno, f.name, text[:120]])
    return out[-3:]


def text_of(e: BaseException) -> str:
    """``str(e)``, cut to 200 characters; what went wrong when the learner's
    own ``__str__`` raises (hostile round, twenty-fourth session: the call's
    end was never reported, and the check called it still running)."""
    try:
        return str(e)[:200]
    except BaseException as inner:  # noqa: B036 - anything the learner's __str__ does
        return f"(its str() raised {type(inner).__name__})"


def describe(value) -> list:
    """What a call returned, for the grader: its type's name; for bytes, also
    their length and two SHA-256 digests, of the bytes and of the bytes
    sorted (same bytes, other order), whatever their size."""
    # read as the builtin types read them: no code of the learner's runs here
    # (isinstance() would ask the value's __class__, bytes() its __bytes__)
    kind = type(value)
    if issubclass(kind, bytes):
        data = bytes.__getitem__(value, slice(None))
    elif issubclass(kind, bytearray):
        data = bytes(bytearray.__getitem__(value, slice(None)))
    else:
        return [TYPE_NAME(kind), None]
    return [TYPE_NAME(kind), len(data), hashlib.sha256(data).hexdigest(),
            hashlib.sha256(bytes(sorted(data))).hexdigest()]


def main(job: dict) -> None:
    for name in job.get("modules", ()):
        try:
            importlib.import_module(name)
        except ImportError:
            pass
    fd = int(job["dial_fd"])
    become_subreaper()
    drop_privileges(job.get("uid"))
    limit_writes()
    wire = wire_module.Wire(fd)
    source = job["source"]
    lines = source.splitlines()
    forget_labs()
    import time
    # the fast clock of a quiet period (stop-one): the learner's timed
    # Condition waits follow it where the exercise has one; its locks are
    # made to tell their timed waits where the exercise has pause runs
    wire_module.CLOCK.install(time, threading if job.get("fast_clock") else None,
                              own_locks=bool(job.get("pause_runs")))
    wire_module.hold_ends(threading)  # a learner's thread ends once looked at
    if job.get("tick"):
        _keep_the_checks_time(wire, job["tick"])
    # the runners' own path to the grader, bound before any code of the learner's
    path = wire_module.runner_path(wire)
    # from here on, what the learner's code does is watched (guard.py)
    import signal
    guard.hide_frames(signal)
    if job.get("guard", True):
        guard.install(own_readers=(learner_frames,), name_writer=wire_module._name_in_kernel)
    # a module of its own, in sys.modules as modules are (``dataclasses`` looks
    # its class's module up there), compiled without this file's ``from
    # __future__ import annotations`` (dont_inherit): the learner's own
    # annotations are what they wrote (right-answer round, fifteenth session:
    # every ``@dataclass`` with a field failed to load)
    module = types.ModuleType("answer")
    module.__builtins__ = builtins
    sys.modules["answer"] = module
    namespace = module.__dict__
    # The harness's objects out of the collector's reach (gc.freeze): a full
    # collection then scans only what the learner's code made. Before this, one
    # could start in a consumer's thread between its look at the stop and its
    # next get, and take 3 to 8.5 ms of its CPU under a make test's load
    # (thirty-second session, gc.callbacks in a spinning consumer): more than
    # PAUSE_CPU_S, a busy pause of the learner's, so the stop came as if there.
    gc.collect()
    gc.freeze()
    wire.call("grader", "loading")
    try:
        code = compile(source, LEARNER_FILE, "exec", dont_inherit=True)
        exec(code, namespace)  # the learner's module, as a module's top level runs
    except SyntaxError as e:
        wire.call("grader", "load_failed", "SyntaxError", str(e.msg)[:200], [[e.lineno or 0, "", ""]])
        os._exit(0)
    except BaseException as e:  # noqa: B036 - SystemExit too: it is the learner's
        wire.call("grader", "load_failed", type(e).__name__, text_of(e),
                  learner_frames(e.__traceback__, lines))
        os._exit(0)
    missing = [n for n in job["functions"] if not callable(namespace.get(n))]
    if missing:
        wire.call("grader", "load_failed", "missing", missing[0], [])
        os._exit(0)
    wire.call("grader", "loaded")
    while True:
        spec = wire.call("grader", "next")
        if spec is None:
            break
        rep = spec["rep"]
        nap = spec.get("nap")
        wire_module.CLOCK.nap = None if nap is None else (
            lambda secs, nap=nap: wire.call(nap, "sleep", secs))
        wire_module.CLOCK.nap_first = bool(spec.get("nap_first"))
        told_to = spec.get("tell_to")
        wire_module.CLOCK.own_wait = (
            lambda secs, to=told_to: wire.call(to, "waits", secs, hear=False)
        ) if told_to is not None else None
        wire_module.CLOCK.nap_passed = (
            lambda secs, nap=nap: wire.call(nap, "passed", secs) is True
        ) if nap is not None and spec.get("nap_first") else None
        in_main = None
        fds = wire.take_fds()
        used = set()
        for t in spec["threads"]:
            args = [wire_module.build(wire, a, fds) for a in t["args"]]
            used.update(a.fileno() for a in args if isinstance(a, socket.socket))
            fn = namespace[t["fn"]]
            if t.get("main"):  # a call that must run in the main thread (signal.signal)
                in_main = (fn, args, t["calls"], t["name"])
                continue
            # its target a closure: a thread's ``_args`` would hand the wire to
            # any code that reads a thread's attributes (threading.enumerate())
            th = wire_module.own(threading.Thread(
                target=_closed(_runner, wire, rep, fn, args, t["calls"], lines, t["name"], path),
                name=t["name"], daemon=True))
            th.start()
        for fd in set(fds) - used:
            os.close(fd)
        if in_main is not None:
            _in_main_thread(wire, rep, *in_main, lines, path)
        wire.call(rep, "wait")
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _closed(fn, *args):
    """``fn(*args)`` as a function of no arguments."""
    return lambda: fn(*args)


def _keep_the_checks_time(wire, tick) -> None:
    """A thread that waits for the check's clock (arena.GTick) and applies
    each push to the learner's clocks (Wire.call: wire.Clock.heard), then
    says so in its next wait. Its channel is open before the baseline is
    read (its first tick is answered at once), so it is never "left behind"."""
    ready = threading.Event()

    def keep():
        heard = -1
        try:
            while True:
                heard = wire.call(tick, "tick", heard)
                ready.set()
        except BaseException:  # noqa: B036 - the check has ended
            ready.set()
    wire_module.own(threading.Thread(target=keep, name="check-clock", daemon=True)).start()
    ready.wait(5.0)


def _runner(wire, rep, fn, args, calls, lines, name, path) -> None:
    """``fn(*args)``, ``calls`` times, each call begun and ended by an
    operation of this thread's on its own connection, through ``path``
    (wire.runner_path: bound before the learner's code loaded)."""
    connect, report = path
    try:
        held = connect(name) if calls else None  # [its connection, name]: this frame's alone
        for k in range(calls):
            # the call's token: the grader ends the call only on a report
            # that carries it (GRep.op_call)
            token = report(held, rep, "call", k)
            try:
                value = fn(*args)
            except BaseException as e:  # noqa: B036
                # this frame out of the traceback (read and written as
                # BaseException does, whatever the learner's class says): an
                # exception the learner's code kept would lead here, where
                # the token is
                tb = TRACEBACK.__get__(e)
                tb = tb.tb_next if tb is not None else None
                BaseException.with_traceback(e, tb)
                wire_module.end_helpers()
                report(held, rep, "raised", k, TYPE_NAME(type(e)), text_of(e),
                       learner_frames(tb, lines), wire.raised_by_check(e), token)
            else:
                wire_module.end_helpers()
                report(held, rep, "returned", k, describe(value), token)
    except BaseException:  # noqa: B036 - the check ended, or the channel was broken
        pass
    finally:
        # What the kernel shows next is what the learner's code still holds:
        # garbage it left (a selector in a reference cycle) is collected, and
        # the sockets the grader lent it are closed.
        gc.collect()
        for a in args:
            if isinstance(a, socket.socket):
                a.close()
        wire.close_mine()


SIGNALS = ("SIGTERM", "SIGINT", "SIGHUP", "SIGUSR1", "SIGUSR2", "SIGALRM")


def _in_main_thread(wire, rep, fn, args, calls, name, lines, path) -> None:
    """The learner's call in the main thread; then the signal handlers, the
    signal mask and the wake-up fd it may have changed are put back, so
    that every repetition starts from the same state."""
    import signal
    sigs = [getattr(signal, n) for n in SIGNALS if hasattr(signal, n)]
    handlers = {s: signal.getsignal(s) for s in sigs}
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, [])
    # The call gets connections of its own, all closed when it ends: a
    # handler that raises retires the one it interrupted, and its successor
    # must not stay open as if the learner's code had left it.
    saved, wire.local.conn = getattr(wire.local, "conn", None), None
    try:
        _runner(wire, rep, fn, args, calls, lines, name, path)
    finally:
        wire.local.conn = saved
        for s, h in handlers.items():
            try:
                signal.signal(s, h)
            except (OSError, ValueError, TypeError):
                pass
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        try:
            signal.set_wakeup_fd(-1)
        except ValueError:
            pass
