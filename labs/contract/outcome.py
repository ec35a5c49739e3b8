"""What a run was, as the parent knows it: the ``Outcome``, its verdict, its stack dump.

Both sides share this vocabulary (the child never builds an Outcome, but the
names of its facts and events meet here). ``Facts`` is a dict that refuses to
make up a missing fact: reading one raises ``MissingFact``, never a plain
KeyError that could be mistaken for something else.
"""
from __future__ import annotations

import linecache
import os
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

LABS_DIR = Path(__file__).resolve().parent.parent
PROJECT_ROOT = LABS_DIR.parent
# The child's own machinery: never "where a thread was stuck".
RUNTIME_FILES = ("labs/child/runtime.py", "labs/child/record.py")


class MissingFact(LookupError):
    """A fact a run did not report. Its one argument is the fact's name."""

    def __init__(self, name: str):
        super().__init__(name)
        self.name = name

    def __str__(self) -> str:
        return f"the run did not report the fact {self.name!r}"


class Facts(dict):
    """A run's measured facts. ``facts[name]`` raises MissingFact for a fact
    that was not reported; ``facts.get(name)`` returns None as a dict does."""

    def __getitem__(self, name):
        try:
            return dict.__getitem__(self, name)
        except KeyError:
            raise MissingFact(name) from None


class Verdict:
    """Whether a run showed its lab's hazard: one of four, with the reason
    when there is no answer. One rendering everywhere (``str``)."""

    SEEN = "hazard seen"
    NOT_SEEN = "no hazard"
    SKIPPED = "skipped"
    NO_VERDICT = "no verdict"

    def __init__(self, kind: str, why: str | None = None):
        self.kind, self.why = kind, why

    def __eq__(self, other):
        return self.kind == (other.kind if isinstance(other, Verdict) else other)

    def __hash__(self):
        return hash(self.kind)

    def __str__(self) -> str:
        return f"{self.kind}: {self.why}" if self.why else self.kind

    def __repr__(self) -> str:
        return f"Verdict({str(self)!r})"


@dataclass
class Outcome:
    lab: str
    variant: str
    hazard_observed: bool | None  # None when the variant was skipped
    facts: dict
    exit: dict  # code, signal (a name such as "SIGTERM", or None), timed_out
    elapsed_s: float
    stacks: str | None  # every thread's stack when the run hung past its deadline
    timeline: list[dict]
    python: str | None
    skipped: str | None = None  # the reason, when the variant could not run here
    error: str | None = None  # the child's stderr when it failed on its own
    stderr: str = field(default="", repr=False)
    child_elapsed_s: float | None = field(default=None, repr=False)

    def __post_init__(self):
        self.facts = Facts(self.facts)

    def to_json(self) -> dict:
        data = asdict(self)
        del data["stderr"], data["child_elapsed_s"]
        data["facts"] = dict(self.facts)
        data["verdict"] = str(self.verdict)
        return data

    @property
    def verdict(self) -> Verdict:
        """Seen, not seen, skipped (with the reason) or no verdict (with why)."""
        if self.skipped:
            return Verdict(Verdict.SKIPPED, self.skipped)
        if self.error or self.hazard_observed is None:
            why = (self.error or "no judgement was made").strip().splitlines()
            return Verdict(Verdict.NO_VERDICT, why[-1] if why else None)
        return Verdict(Verdict.SEEN if self.hazard_observed else Verdict.NOT_SEEN)

    def threads_in_dump(self) -> list[dict]:
        """Threads of the stack dump: [{"name", "ident", "frames": [(file, line, func)]}]."""
        return parse_dump(self.stacks or "", self.thread_names())

    def thread_names(self) -> dict[int, str]:
        return thread_names(self.timeline)

    def where_stuck(self) -> dict[str, str]:
        """Thread name -> the innermost line of lab code it was stuck on, e.g.
        "lessons/lock_leak/scene.py, in worker: lock.acquire()". Line text,
        not numbers, so that the answer is the same on every Python version.
        The child's own machinery (``RUNTIME_FILES``) is not lab code."""
        where = {}
        for th in self.threads_in_dump():
            for path, lineno, func in th["frames"]:
                line = lab_line(path, lineno, func)
                if line:
                    where[th["name"]] = line
                    break
        return where


def lab_line(path: str, lineno: int, func: str) -> str | None:
    """"lessons/x/scene.py, in func: the line's text" for a frame of the
    suite's own code (a path relative to the project, as dumps show it);
    None for the child's machinery, the standard library and the rest."""
    p = PROJECT_ROOT / path
    if not p.is_relative_to(LABS_DIR) or p.relative_to(PROJECT_ROOT).as_posix() in RUNTIME_FILES:
        return None
    text = linecache.getline(str(p), lineno).split("  #")[0].strip()
    return f"{p.relative_to(LABS_DIR).as_posix()}, in {func}: {text}"


def thread_names(events: list[dict]) -> dict[int, str]:
    """Thread ident -> name, from every event and the child's closing list."""
    names = {e["ident"]: e["thread"] for e in events if e.get("ident")}
    for e in events:
        names.update({t["ident"]: t["name"] for t in e.get("threads", [])})
    return names


# (bounded: a child writes its own stderr, and a forged dump's 5,000-digit line
# number raised ValueError in the grader, a 40 KB name made a message: hostile
# round, thirtieth session)
_HEADER = re.compile(r"^(Current thread|Thread) (0x[0-9a-f]{1,16})(?: \[.*\])? \(most recent call first\):")
_FRAME = re.compile(r'^\s+File "(.{1,400})", line (\d{1,9}) in (\S{1,100})')


def parse_dump(text: str, names: dict[int, str]) -> list[dict]:
    threads = []
    for line in text.splitlines():
        head = _HEADER.match(line)
        if head:
            ident = int(head.group(2), 16)
            threads.append({"name": names.get(ident, head.group(2)),
                            "ident": ident, "frames": []})
            continue
        frame = _FRAME.match(line)
        if frame and threads:
            threads[-1]["frames"].append(
                (frame.group(1), int(frame.group(2)), frame.group(3)))
    return threads


def short_paths(dump: str, prefixes: dict[str, str]) -> str:
    """Replace each directory of ``prefixes`` (label -> directory) at the start
    of a frame's file name by its label, longest first, so that a stored dump
    shows ``labs/lessons/lock_leak/scene.py`` and ``<stdlib>/threading.py``, not a machine's
    paths. The label "" makes a path relative."""
    for label, directory in sorted(prefixes.items(), key=lambda kv: -len(kv[1])):
        lead = f"{label}/" if label else ""
        dump = dump.replace(f'File "{directory.rstrip("/")}/', f'File "{lead}')
    return dump


_C_STACK_HEADER = "Current thread's C stack trace (most recent call first):"
_C_FRAME = re.compile(r'^\s+Binary file "([^"]*)"(?:, at ([^\s+\[]*)(?:\+0x[0-9a-f]+)?)? \[0x[0-9a-f]+\]$')
C_STACK_NOTE = ("  (shortened by the sandbox: each binary by its file name, symbols without "
                "offsets, no addresses; frames without a symbol counted)")


def short_c_stack(dump: str) -> str:
    """From 3.14 a fatal-signal dump ends with the current thread's C stack,
    ``Binary file "/abs/path/python", at _Py_DumpStack+0x4a [0x49b2f9]``:
    machine paths, and addresses that change on every run (ASLR). Keep what
    reads the same everywhere: the binary's file name and the symbol; runs of
    frames without a symbol become one counted line; a note says so. Lines of
    that block that are not frames (``<truncated rest of calls>``) are kept."""
    if _C_STACK_HEADER not in dump:
        return dump
    head, _, block = dump.partition(_C_STACK_HEADER)
    body, blank, rest = block.partition("\n\n")  # the block ends at a blank line, if any
    rest = blank[1:] + rest  # "\n" + what follows, or ""
    out, unnamed = [_C_STACK_HEADER, C_STACK_NOTE], 0

    def flush():
        nonlocal unnamed
        if unnamed:
            out.append(f"  ... {unnamed} frame{'s' * (unnamed > 1)} without a symbol")
            unnamed = 0
    for line in body.splitlines()[1:]:
        frame = _C_FRAME.match(line)
        if frame and not frame.group(2):
            unnamed += 1
            continue
        flush()
        if frame:
            out.append(f'  Binary file "{os.path.basename(frame.group(1))}", at {frame.group(2)}')
        elif line.strip():
            out.append(line)
    flush()
    return head + "\n".join(out) + "\n" + rest


def name_threads(dump: str, names: dict[int, str]) -> str:
    """Put thread names, as the child reported them, into a faulthandler dump.
    From 3.14 faulthandler writes the OS thread name itself
    (``Thread 0x... [name] (most recent call first):``, gh-125434), cut by
    Linux to 15 bytes: the full name the child reported replaces it."""
    def named(m):
        name = names.get(int(m.group(2), 16))
        return f"{m.group(1)} {m.group(2)} [{name}]" if name else m.group(0)
    return re.sub(r"^(Current thread|Thread) (0x[0-9a-f]+)(?: \[[^\]\n]*\])?", named, dump,
                  flags=re.M)


def finished_threads(events: list[dict]) -> list[str]:
    """Names of the threads whose last recorded state is "done"."""
    last = {}
    for e in events:
        if e.get("kind") == "state":
            last[e["thread"]] = e["state"]
    return sorted(name for name, st in last.items() if st == "done")


