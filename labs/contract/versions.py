"""Which Pythons the notebooks were checked on, and what is known to differ on others.

The labs are checked on CPython 3.10 to 3.15 on Linux (``make versions``):
3.10 to 3.13 from pyenv, 3.14.10 and 3.15.2 from Debian's builds in a sid root
(FACTS.md, "Python versions"). Learners in late 2026 install 3.14 or 3.15,
sometimes a free-threaded build; free-threaded builds cannot be installed
here, so what the suite says of them is cited. This module keeps what differs in
one table, ``DIFFERENCES`` (each entry with the releases it was measured on
and the facts measured there), and the facts the notebooks rely on in
``KEY_FACTS``. It uses them three times:

- ``check_here(lab)``, the first cell of every notebook, prints the learner's
  Python and build, whether the notebook was checked on it, the known
  differences that apply, and what stops the sandbox from running here at all
  (it needs Linux, and threads);
- ``expect(outcome, **facts)``, under a run whose facts the notebook's text
  relies on, prints nothing when the run agrees with the text, and otherwise a
  short note: the known difference that explains it, or a request to report it.
  A fact name the run does not have is a mistake in the notebook: it raises;
- ``fact_problem(outcome)``, for ``scripts/versions.py``: the key facts of a
  run that differ from what is expected on its Python (the reference, changed
  only where a known difference applies), so a version check sees a changed
  fact even when the verdict stays the same.
"""
from __future__ import annotations

import os
import platform
import re
import sys
from dataclasses import dataclass

from labs.contract import registry

CHECKED = ((3, 10), (3, 11), (3, 12), (3, 13), (3, 14), (3, 15))  # the minor versions measured
CHECKED_RELEASES = "CPython 3.10.13, 3.11.7, 3.12.1, 3.13.0, 3.14.10 and 3.15.2 on Linux"
MEASURED = ((3, 10, 13), (3, 11, 7), (3, 12, 1), (3, 13, 0), (3, 14, 10), (3, 15, 2))
# Every version `make test` must pass on as the main interpreter: the versions
# check (scripts/versions.py) runs each one it finds here (3.10-3.13 from pyenv,
# 3.14 and 3.15 from Debian's builds, scripts/debian_pythons.sh), and the hosted
# workflow (.github/workflows/test.yml) runs them all, plus the free-threaded
# builds that cannot be installed here.
SUPPORTED = ("3.10", "3.11", "3.12", "3.13", "3.14", "3.15")
SUPPORTED_FREE_THREADED = ("3.14t",)


@dataclass(frozen=True)
class Build:
    """The facts about an interpreter that decide which differences apply."""
    version: tuple          # (major, minor, micro)
    free_threaded: bool     # built with --disable-gil (the "t" builds, PEP 703)
    gil_enabled: bool       # a free-threaded build can run with the GIL turned back on
    platform: str           # sys.platform
    has_pidfd: bool         # os.pidfd_open exists (Linux 5.3+, Python 3.9+)

    @classmethod
    def here(cls) -> "Build":
        free = bool(__import__("sysconfig").get_config_var("Py_GIL_DISABLED"))
        return cls(version=tuple(sys.version_info[:3]), free_threaded=free,
                   gil_enabled=getattr(sys, "_is_gil_enabled", lambda: True)(),
                   platform=sys.platform, has_pidfd=hasattr(os, "pidfd_open"))

    @property
    def label(self) -> str:
        v = ".".join(map(str, self.version))
        if not self.free_threaded:
            kind = "with the GIL"
        else:
            kind = "free-threaded" + ("" if not self.gil_enabled else ", GIL turned back on")
        return f"Python {v} ({platform.python_implementation()}, {kind})"

    @property
    def checked(self) -> bool:
        return (tuple(self.version[:2]) in CHECKED and not self.free_threaded
                and self.platform.startswith("linux"))


def version_of(text: str) -> tuple:
    """(3, 14, 0) from "3.14.0", "3.14.0rc1" or "3.14"."""
    parts = [int(n) for n in re.match(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?", text).groups(0)]
    return tuple(parts)


@dataclass(frozen=True)
class Difference:
    """One known change of behaviour, outside the versions measured here."""
    key: str            # the issue that documents it, e.g. "gh-148874"
    versions: str       # the range, in words, with what was measured
    # First (major, minor), or (major, minor, micro) for a change made in a
    # bugfix release, that it applies to; and the first it no longer applies to.
    since: tuple
    until: tuple | None
    what: str           # what changes, in one sentence
    affects: tuple      # (lab, variant or "*") whose facts or prose it touches
    source: str         # where it is documented
    free_threaded_only: bool = False
    facts: tuple = ()   # (lab, variant, {fact: value}) the difference predicts
    # The releases it was measured on (where it applies, and where it no longer
    # does), and how: () when it is only cited.
    measured_on: tuple = ()

    def applies_to(self, build: Build) -> bool:
        if self.free_threaded_only:  # the GIL can be turned back on (PYTHON_GIL=1)
            return build.free_threaded and not build.gil_enabled
        # (3, 13, 9) >= (3, 13, 8) and (3, 13, 0) >= (3, 13): a (major, minor)
        # bound takes in the whole minor version.
        v = tuple(build.version)
        return v >= tuple(self.since) and (self.until is None or v < tuple(self.until))

    def touches(self, lab: str | None) -> bool:
        return lab is None or any(a_lab == lab for a_lab, _ in self.affects)

    def predicts(self, lab: str, variant: str, measured: dict) -> bool:
        """Does this difference predict these measured facts for this run?"""
        return any(lab == f_lab and variant == f_variant
                   and all(measured.get(k) == v for k, v in expected.items())
                   for f_lab, f_variant, expected in self.facts)


GH = "https://github.com/python/cpython/issues/"
HERE = "pyenv builds, on this suite's machines"
DEBIAN = ("Debian's builds in a sid root (issue 21 and FACTS.md; 5 runs each; those "
          "interpreters are not re-run by make versions)")

DIFFERENCES = (
    Difference(
        key="gh-130279",
        versions="3.13 (3.13.0 measured; 3.13.1 and 3.13.2 reported; the issue is open and "
                 "labelled 3.13 only). 3.13 checks on the JUMP_BACKWARD itself, which lies "
                 "just past the try's exception-table range; 3.12 lays the loop out the same "
                 "way but checks after the jump, inside the range; 3.14.10 and 3.15.2 place "
                 "the jump inside the range: all three run both handlers (measured)",
        since=(3, 13), until=(3, 14),
        what="an exception that fires on the back-edge of a tight `while` loop written "
             "inline in a `try` runs neither `except` nor `finally`",
        affects=(("anatomy", "tight-loop-in-try"),),
        source=GH + "130279",
        facts=(("anatomy", "tight-loop-in-try", {"handlers_run": [], "cleanup_finished": False}),),
        measured_on=("3.13.0: handlers_run=[], cleanup_finished=False (" + HERE + ")",
                     "3.14.10, 3.15.2: handlers_run=['except', 'finally'] (" + DEBIAN + ")")),
    Difference(
        key="gh-148874",
        versions="3.14 (3.14.10 measured; the fix, PR #150911, has a 3.15 backport, PR "
                 "#154830, and no 3.14 backport was found, so every 3.14 release up to "
                 "3.14.10 is affected); 3.15.2 releases the lock (measured)",
        since=(3, 14), until=(3, 15),
        what="`with lock:` compiles to LOAD_SPECIAL + CALL, and an exception that fires as "
             "`__enter__` returns skips `__exit__`: the lock stays locked forever",
        # Lesson 1 too: its text asks what a stop just as the lock is taken does.
        affects=(("anatomy", "stop-entering-with"), ("lock-leak", "*")),
        source=GH + "148874",
        facts=(("anatomy", "stop-entering-with",
                {"lock_held_after_stop": True, "block_entered": False}),),
        measured_on=("3.14.10: lock_held_after_stop=True; 3.15.2: lock_held_after_stop=False, "
                     "with the same bytecode: the fix is in the interpreter (" + DEBIAN + ")",)),
    Difference(
        key="keyword-call",
        versions="3.14 and later (3.14.10 and 3.15.2 measured; no tracker issue found); "
                 "3.10 to 3.13 check as a keyword call returns (measured)",
        since=(3, 14), until=None,
        what="the first execution of a call with keyword arguments (the generic CALL_KW, "
             "before the interpreter specialises it) makes no eval-breaker check as it "
             "returns: an exception pending while `lk.acquire(timeout=0.3)` waits fires one "
             "statement later, at the next plain call; from the call's second execution "
             "(CALL_KW_NON_PY for a C function) it fires on the call's line, as on 3.10 to "
             "3.13; `lk.acquire(True, 0.3)` fires on its line on every version measured",
        affects=(("anatomy", "stop-after-keyword-call"),),
        source="https://github.com/python/cpython/blob/3.14/Python/bytecodes.c (CALL_KW has "
               "no _CHECK_PERIODIC; CALL_KW_NON_PY and CALL_FUNCTION_EX do)",
        facts=(("anatomy", "stop-after-keyword-call",
                {"ran_after_keyword_call": ["next statement"], "ran_after_positional_call": []}),),
        measured_on=("3.10.13 to 3.13.0: both calls fire on their line (" + HERE + ")",
                     "3.14.10, 3.15.2: the keyword call fires one statement later on its "
                     "first, unspecialised execution, and on its line from the second on "
                     "(the lab's run is a first execution) (" + DEBIAN + ")")),
    Difference(
        key="gh-144748", versions="3.15 and later (3.15.2 measured; 3.11.7 and 3.14.10 "
                                  "measured without it)",
        since=(3, 15), until=None,
        what="PyErr_CheckSignals raises the exception scheduled by PyThreadState_SetAsyncExc, "
             "so an async exception plus a signal (`signal.pthread_kill`, with a Python "
             "handler) breaks a thread out of `time.sleep`, `sock.recv` or `select.select`; "
             "not out of `Lock.acquire(timeout)`, `Queue.get` or `Event.wait`; without a "
             "signal nothing changes",
        affects=(("anatomy", "*"), ("signal-target", "*"), ("blocking-io", "*"),
                 ("kill-matrix", "*")),
        source=GH + "144748",
        facts=(("kill-matrix", "async-exc+signal.blocked", {"stopped": True}),),
        measured_on=("3.15.2: sleep, recv, select break out at the signal; Lock.acquire"
                     "(timeout), Queue.get, Event.wait do not; the matrix's async-exc+signal "
                     "row stops its blocked worker (" + DEBIAN + ")",
                     "3.11.7, 3.14.10: none breaks out")),
    Difference(
        key="gh-125434", versions="3.14 and later (3.14.10 and 3.15.2 measured)",
        since=(3, 14), until=None,
        what="faulthandler's stack dumps name each thread with its OS-level name, cut to 15 "
             "bytes (`Thread 0x... [worker-1] (most recent call first):`; the main thread "
             "carries the program's name, such as `[python3.14]` or `[python3.15]`), and a "
             "fatal-signal dump adds the C stack (that part is gh-127604, PR #128159 'Add C "
             "stack dumps to faulthandler'); the sandbox reads every form",
        affects=(("anatomy", "*"), ("lock-leak", "*"), ("lost-task", "*"),
                 ("blocking-io", "*"), ("kill-matrix", "*")),
        source=GH + "125434",
        measured_on=("3.14.10, 3.15.2 (" + DEBIAN + ")",)),
    Difference(
        key="thread-_stop", versions="3.13 and later (3.13.0, 3.14.10 and 3.15.2 measured)",
        since=(3, 13), until=None,
        what="the private `Thread._stop()` is gone: calling it raises AttributeError (before "
             "3.13 it raises AssertionError on a live thread); either way it stops nothing",
        affects=(("kill-matrix", "thread-_stop.busy"), ("kill-matrix", "thread-_stop.blocked"),
                 ("kill-matrix", "thread-_stop.midway")),
        # A private method: no CPython issue announces its removal; the 3.13
        # threading.py has no _stop, and the matrix row measures it.
        source="https://github.com/python/cpython/blob/3.13/Lib/threading.py",
        measured_on=("3.10.13 to 3.12.1: AssertionError (" + HERE + ")",
                     "3.13.0: AttributeError (" + HERE + ")",
                     "3.14.10, 3.15.2: AttributeError (" + DEBIAN + ")")),
    Difference(
        key="gh-87135", versions="3.13.8 and later (cited for 3.13.8 to 3.13.x: the 3.13.8 "
                                 "changelog, released 2025-10-07, lists gh-87135, backport PR "
                                 "#137827; 3.14.10 and 3.15.2 measured); 3.10.13 to 3.13.0 "
                                 "end the thread (measured; 3.13.1 to 3.13.7 not measured)",
        since=(3, 13, 8), until=None,
        what="a daemon thread that needs the GIL back once the interpreter is finalizing is "
             "hung (in pause()) until the process exits, where 3.10.13 to 3.13.0 end its OS "
             "thread with pthread_exit; in this run the process exits normally, with 0, "
             "either way (a hung thread can deadlock a later stage of finalization that "
             "needs a lock it holds, the C API docs warn)",
        affects=(("kill-matrix", "daemon-at-exit"),),
        source=GH + "87135 (PR #105805, 'Hang non-main threads that attempt to acquire the "
                    "GIL during finalization'; in 3.13.8: "
                    "https://github.com/python/cpython/blob/3.13/Misc/NEWS.d/3.13.8.rst)",
        facts=(("kill-matrix", "daemon-at-exit",
                {"daemon_os_thread_exited": False, "daemon_hung": True}),),
        measured_on=("3.10.13 to 3.13.0: the OS thread exits, 3 runs each (" + HERE + ")",
                     "3.14.10, 3.15.2: the thread stays, in pause(); 10 runs on 3.14.10, 3 on "
                     "3.15.2 (Debian's builds in a sid root)")),
    Difference(
        key="gh-128041", versions="3.14 and later (3.14.10 and 3.15.2 measured); 3.10 to "
                                  "3.13 have neither method (measured: the rows are skipped)",
        since=(3, 14), until=None,
        what="ProcessPoolExecutor has terminate_workers() and kill_workers(), which send "
             "SIGTERM and SIGKILL to its live worker processes: the kill matrix's rows of "
             "those names run; before 3.14 they are skipped, with the reason",
        affects=tuple(("kill-matrix", f"{m}.{s}") for m in ("terminate_workers", "kill_workers")
                      for s in ("busy", "blocked", "midway")),
        source=GH + "128041 (PR #130849)",
        facts=(("kill-matrix", "terminate_workers.busy", {"stopped": True}),
               ("kill-matrix", "kill_workers.busy", {"stopped": True})),
        measured_on=("3.10.13 to 3.13.0: skipped, no such method, 3 runs each (" + HERE + ")",
                     "3.14.10, 3.15.2: the rows run, the same cells as process-terminate; 10 "
                     "runs of each variant on 3.14.10, 3 on 3.15.2 (Debian's builds in a sid "
                     "root)")),
    Difference(
        key="gh-91048", versions="3.14 and later (3.14.10 and 3.15.2 measured); 3.10.13 to "
                                 "3.13.0 have no such command (measured: the run goes without the looks and "
                                 "says why in asyncio_ps_unavailable)",
        since=(3, 14), until=None,
        what="`python -m asyncio ps PID` and `pstree PID` print where each asyncio task of "
             "another process waits, read from outside (it needs the right to read that "
             "process's memory): lesson 5's `bad-wait-for-seen` shows them; before 3.14 it "
             "runs without the looks, and says why",
        affects=(("handed-off", "bad-wait-for-seen"),),
        source=GH + "91048 ('Async Call-Stack Reconstruction'); "
                    "https://docs.python.org/3.14/library/asyncio-tools.html",
        measured_on=("3.10.13, 3.13.0: no asyncio.tools, no looks (" + HERE + ")",
                     "3.14.10 (10 runs), 3.15.2 (3 runs): the same two tables every run, with "
                     "the parent and the child in the same Debian sid root; with the parent "
                     "outside it the command cannot find the child's binary")),
    Difference(
        key="free-threaded", versions="free-threaded builds (3.13t, 3.14t, ...)",
        since=(3, 13), until=None, free_threaded_only=True,
        what="(cited, not measured: no free-threaded build could be installed) with the GIL "
             "off (`sys._is_gil_enabled()` False; `PYTHON_GIL=1` turns it back on), the "
             "anatomy runs that rely on the GIL are skipped (their reports say so); "
             "the busy pthread_cancel explanation (a thread cancelled while it waits for the "
             "GIL) does not apply; a fatal-error dump may show only the current thread "
             "(gh-128400)",
        affects=(("anatomy", "*"), ("kill-matrix", "*")),
        source="https://peps.python.org/pep-0703/"),
)


# ---------------------------------------------------------------- platform

WAY_OUT = ("run it on Linux: on Binder (it reads environment.yml), in WSL on Windows, or "
           "in a Linux container")


def platform_problem(build: Build) -> str | None:
    """Why the sandbox cannot run here, in one sentence, or None."""
    if build.platform in ("emscripten", "wasi"):
        return ("This is Python in the browser (JupyterLite/Pyodide), which cannot start "
                "threads or processes, so no lab can run here; " + WAY_OUT + ".")
    if not build.platform.startswith("linux"):
        name = {"darwin": "macOS", "win32": "Windows", "cygwin": "Cygwin"}.get(
            build.platform, build.platform)
        return (f"The sandbox needs Linux (pidfd_open and /proc) and this is {name}, so the "
                f"runs below will not start; you can still read the stored outputs, or "
                + WAY_OUT + ".")
    if not build.has_pidfd:
        return ("The sandbox needs os.pidfd_open (Linux 5.3 or later, Python 3.9 or later), "
                "which this Python lacks, so the runs below will not start; " + WAY_OUT + ".")
    return None


# ---------------------------------------------------------------- the banner

def applying(build: Build, lab: str | None = None) -> list[Difference]:
    return [d for d in DIFFERENCES if d.applies_to(build) and d.touches(lab)]


def banner(build: Build, lab: str | None = None) -> str:
    """What the first cell of a notebook prints (see check_here)."""
    lines = []
    problem = platform_problem(build)
    if problem and tuple(build.version[:2]) in CHECKED:
        return f"{build.label}: a version this notebook was checked on, on Linux only.\n{problem}"
    if build.checked:
        lines.append(f"{build.label}: one of the versions this notebook was checked on "
                     f"(CPython 3.10 to 3.15 on Linux).")
    else:
        lines.append(f"{build.label}: not one of the versions this notebook was checked on "
                     f"({CHECKED_RELEASES}).")
    known = applying(build, lab)
    if known:
        lines.append("Known differences that apply here:")
        lines += [f"  - {d.key} [{d.versions}] ({'measured' if d.measured_on else 'cited'}): "
                  f"{d.what}. {d.source}" for d in known]
    elif not build.checked:
        lines.append("No known difference applies to this notebook here.")
    if known or not build.checked:
        lines.append("Where a run disagrees with the text, a note under it says so.")
    if problem:
        lines.append(problem)
    return "\n".join(lines)


def check_here(lab: str | None = None) -> None:
    """Print the learner's Python, whether the notebook was checked on it, the
    known differences that apply to lab ``lab`` (all labs when None), and what
    keeps the sandbox from running here, if anything."""
    print(banner(Build.here(), lab))


# ---------------------------------------------------------------- under a run

REPORT = ("please report it, with the output of `python -m labs run {lab} --variant "
          "{variant} --json` and this Python's version")


def ended_normally(outcome) -> bool:
    """The variant returned and the child exited on its own: every fact the
    variant reports was reported."""
    exit_ = getattr(outcome, "exit", None) or {}
    return not (getattr(outcome, "error", None) or outcome.skipped
                or exit_.get("timed_out") or exit_.get("signal"))


def unknown_facts(outcome, names) -> list[str]:
    """The names, among ``names``, that a run which ended normally did not
    report: names its variant does not have (a typo), not missing measurements."""
    if not ended_normally(outcome):
        return []
    return [n for n in names if n not in outcome.facts]


def refuse_unknown(outcome, names) -> None:
    unknown = unknown_facts(outcome, names)
    if unknown:
        import difflib
        hints = [f"{n!r} (did you mean {m[0]!r}?)" if (m := difflib.get_close_matches(
            n, list(outcome.facts), n=1)) else repr(n) for n in unknown]
        raise ValueError(f"{outcome.lab} / {outcome.variant} reports no fact "
                         f"{', '.join(hints)}; its facts: {', '.join(sorted(outcome.facts))}")


def measured_where(lab: str, variant: str, facts: dict) -> list[tuple]:
    """The releases of ``MEASURED`` that gave these facts for this run
    (``make versions`` measures every one). A fact has the value that a known
    difference applying to the release predicts; where none applies, the
    reference value: any value but those the differences predict."""
    predicted_anywhere = [values for d in DIFFERENCES for f_lab, f_variant, values in d.facts
                          if (f_lab, f_variant) == (lab, variant)]

    def gives(release, name, value) -> bool:
        build = Build(release, False, True, "linux", True)
        here = {}
        for d in DIFFERENCES:
            if d.applies_to(build):
                for f_lab, f_variant, values in d.facts:
                    if (f_lab, f_variant) == (lab, variant):
                        here.update(values)
        if name in here:
            return here[name] == value
        return not any(name in values and values[name] == value
                       for values in predicted_anywhere)

    return [r for r in MEASURED if all(gives(r, k, v) for k, v in facts.items())]


def releases_text(releases: list[tuple]) -> str:
    """"3.10.13 to 3.12.1 and 3.14.10 to 3.15.2" from releases of ``MEASURED``:
    each run of neighbours in ``MEASURED`` as one range."""
    runs: list[list[tuple]] = []
    for release in releases:
        if runs and MEASURED.index(release) == MEASURED.index(runs[-1][-1]) + 1:
            runs[-1].append(release)
        else:
            runs.append([release])
    names = [".".join(map(str, r[0])) + ("" if len(r) == 1 else
                                         " to " + ".".join(map(str, r[-1]))) for r in runs]
    if not names:
        return "none of " + CHECKED_RELEASES
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def disagreement(outcome, expected: dict, build: Build | None = None) -> str | None:
    """The note for a run whose facts differ from ``expected``, or None.
    ValueError for a fact name that the run, which ended normally, does not have."""
    if outcome.skipped:
        return f"{outcome.lab} / {outcome.variant} was skipped here: {outcome.skipped}."
    refuse_unknown(outcome, expected)
    differ = {k: v for k, v in expected.items() if outcome.facts.get(k, "missing") != v}
    if not differ:
        return None
    build = build or Build.here()
    if outcome.python:  # the child's version, which may not be the notebook's
        build = Build(version_of(outcome.python), build.free_threaded, build.gil_enabled,
                      build.platform, build.has_pidfd)
    measured = ", ".join(f"{k}={outcome.facts.get(k, 'missing')!r}" for k in differ)
    wanted = ", ".join(f"{k}={v!r}" for k, v in differ.items())
    where = releases_text(measured_where(outcome.lab, outcome.variant, differ))
    lines = [f"Note: on Python {'.'.join(map(str, build.version))} this run measured "
             f"{measured}; the text above expects {wanted} (measured on {where})."]
    known = [d for d in DIFFERENCES
             if d.applies_to(build) and d.predicts(outcome.lab, outcome.variant, outcome.facts)]
    if known:
        lines += [f"That is a known difference: {d.key} [{d.versions}]: {d.what}. {d.source}"
                  for d in known]
    else:
        lines.append("No known difference explains it: "
                     + REPORT.format(lab=outcome.lab, variant=outcome.variant) + ".")
    return "\n".join(lines)


def expect(outcome, **expected) -> None:
    """Under a notebook run: print nothing when the measured facts are the
    ones the text expects, else a short note naming the known difference that
    explains it, or asking the learner to report it. (It returns None, so a
    notebook cell that ends with it shows nothing more; ``disagreement``
    gives the note as a value.)"""
    note = disagreement(outcome, expected)
    if note:
        print(note)


# ---------------------------------------------------------------- the version check

# The facts the notebooks' text relies on, per run: the reference, what every
# release of MEASURED gave except where a known difference applies (so
# 3.10.13, 3.11.7 and 3.12.1 give all of them). A known difference that
# applies replaces some of them with the values it predicts (its ``facts``);
# ``measured_where`` gives the releases of each value. The verdict alone cannot tell these
# apart: stop-entering-with reads "hazard seen" on 3.14.10 (lock leaked) and on
# 3.15.2 (lock released) alike, because the worker is alive after the call.
# The runs whose facts differ between versions, and those facts: make versions
# measures them on every Python it finds and writes them to
# labs/show/versions_measured.json; notebooks show them as a table under the
# run (labs.show.tables.versions_table), whatever Python runs the kernel.
ACROSS_VERSIONS = {
    ("anatomy", "tight-loop-in-try"): ("handlers_run",),
    ("anatomy", "stop-entering-with"): ("lock_held_after_stop",),
    ("anatomy", "stop-after-keyword-call"): ("ran_after_keyword_call",),
    ("kill-matrix", "async-exc+signal.blocked"): ("stopped",),
    ("kill-matrix", "terminate_workers.busy"): ("stopped", "worker_exit_signal"),
    ("kill-matrix", "kill_workers.busy"): ("stopped", "worker_exit_signal"),
    ("kill-matrix", "daemon-at-exit"): ("daemon_os_thread_exited", "daemon_hung"),
}

KEY_FACTS = {
    ("anatomy", "blocked-in-acquire"): {"alive_after_call": True, "lock_held_after_stop": True},
    ("anatomy", "blocked-in-recv"): {"alive_after_call": True, "bytes_lost": 1},
    ("anatomy", "blocked-in-sleep"): {"slept_full": True},
    ("anatomy", "tight-loop-in-try"): {"handlers_run": ["except", "finally"],
                                       "cleanup_finished": True},
    ("anatomy", "stop-entering-with"): {"block_entered": True, "lock_held_after_stop": False},
    ("anatomy", "stop-after-keyword-call"): {"ran_after_keyword_call": [],
                                             "ran_after_positional_call": []},
    ("anatomy", "lands-in-cleanup"): {"cleanup_steps_done": ["flush"],
                                      "lock_held_after_stop": True},
}


def predicted(lab: str, variant: str, version: tuple, free_threaded: bool = False) -> dict:
    """The facts that the known differences applying to ``version`` predict
    for this run ({} when none does: it should measure what 3.10-3.12 do).
    Tests that assert version-dependent facts ask this, not sys.version_info.
    An unknown lab id raises UnknownName: a stale id would predict nothing."""
    registry.lesson(lab)
    build = Build(tuple(version), free_threaded, not free_threaded, "linux", True)
    facts: dict = {}
    for d in DIFFERENCES:
        if d.applies_to(build):
            for f_lab, f_variant, expected in d.facts:
                if (f_lab, f_variant) == (lab, variant):
                    facts.update(expected)
    return facts


def expected_facts(lab: str, variant: str, build: Build) -> dict:
    """The key facts of ``lab``/``variant`` expected on ``build``."""
    expected = dict(KEY_FACTS.get((lab, variant), {}))
    for d in DIFFERENCES:
        if d.applies_to(build):
            for f_lab, f_variant, predicted in d.facts:
                if (f_lab, f_variant) == (lab, variant):
                    expected.update(predicted)
    return expected


def fact_problem(outcome, build: Build | None = None) -> str | None:
    """None when the run's key facts are those expected on its Python; else
    which differ, measured against expected."""
    if outcome.skipped or (outcome.lab, outcome.variant) not in KEY_FACTS:
        return None
    build = build or Build.here()
    if outcome.python:
        build = Build(version_of(outcome.python), build.free_threaded, build.gil_enabled,
                      build.platform, build.has_pidfd)
    expected = expected_facts(outcome.lab, outcome.variant, build)
    differ = {k: v for k, v in expected.items() if outcome.facts.get(k, "missing") != v}
    if not differ:
        return None
    return ", ".join(f"{k}={outcome.facts.get(k, 'missing')!r} (expected {v!r})"
                     for k, v in differ.items())
