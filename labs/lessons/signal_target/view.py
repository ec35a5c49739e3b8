"""Lab 3 (signal-target) as the notebook shows it: runs in the notebook's
process (the parent), never in the sandbox's child.

- ``key_facts_table``: the facts that tell the story, one column per run;
- ``ps_listing``: the child's ``ps`` output, as the child recorded it;
- ``strace_variant``: one variant's child run under ``strace -f``, its
  system calls and signals with thread ids replaced by names.

The figures need nothing of their own: the child records where the Python
handler ran (``record.note``) and ``labs.show.timeline.draw`` shows it, with the
death of the whole process.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile

from labs import sandbox
from labs.contract import registry
from labs.lessons.signal_target.scene import TARGET
from labs.show import tables

# What the side-by-side table shows: the facts that tell the story.
KEY_FACTS = ("target_stopped", "others_finished", "process_survived", "items_done",
             "items_lost", "handler_thread", "signal_woke")


def key_facts_table(outcomes) -> str:
    """tables.facts_table over KEY_FACTS only, one column per outcome."""
    return tables.facts_table(outcomes, keys=KEY_FACTS)


def ps_listing(outcome) -> dict | None:
    """The child's ``ps`` run: {"command", "output", "failed"}, or None."""
    for e in outcome.timeline:
        if e.get("kind") == "ps":
            return {k: e[k] for k in ("command", "output", "failed")}
    return None


def strace_reason() -> str | None:
    """None when strace can trace here; otherwise why not."""
    strace = shutil.which("strace")
    if strace is None:
        return "strace is not installed"
    r = subprocess.run([strace, "-o", os.devnull, "true"], capture_output=True, text=True)
    if r.returncode != 0:
        first = (r.stderr.strip().splitlines() or [f"exit {r.returncode}"])[0]
        return f"strace cannot trace here (ptrace is forbidden?): {first}"
    return None


def strace_variant(variant: str = "bad-pthread-kill", timeout: float = 30.0):
    """Run one variant's child under ``strace -f`` and return (lines, None),
    the target's system calls and signals with thread ids replaced by names,
    or (None, reason) where strace cannot run. Only for variants that need
    no parent-side driver: the child runs to its end by itself."""
    lab = registry.get_lab("signal-target")
    lab.variant(variant)
    if variant in lab.drivers:
        raise ValueError(f"{variant} needs the sandbox's driver; strace it by pid instead")
    reason = strace_reason()
    if reason:
        return None, reason
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "strace.txt")
        command = ["strace", "-f", "-qq", "-o", out, "-e", "trace=recvfrom,tgkill",
                   "-e", "signal=SIGTERM",
                   *sandbox.child_argv(sys.executable, lab, variant)]
        env = dict(os.environ, PYTHONPATH=str(sandbox.PROJECT_ROOT))
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                stdin=subprocess.DEVNULL, env=env, start_new_session=True,
                                cwd=sandbox.PROJECT_ROOT)
        try:
            events_text, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # our own new session: strace and the child
            proc.communicate()
            return None, f"the traced run did not end within {timeout} s"
        with open(out) as f:
            trace = f.read().splitlines()
    names = {}
    for line in events_text.decode(errors="replace").splitlines():
        try:
            e = json.loads(line)
        except ValueError:
            continue
        if e.get("kind") == "facts" and "threads" in e["facts"]:
            names = {tid: name for name, tid in e["facts"]["threads"].items()}
    return name_strace(trace, names), None


def name_strace(trace: list[str], names: dict[int, str]) -> list[str]:
    """Keep the lines about the target and the tgkill; thread ids to names."""
    by_name = {name: tid for tid, name in names.items()}
    target = by_name.get(TARGET)
    kept = []
    for line in trace:
        tid_text, _, rest = line.partition(" ")
        if not tid_text.isdigit():
            continue
        tid = int(tid_text)
        if tid == target or "tgkill" in rest:
            for other_tid, name in names.items():
                # the main thread's id is the process id: tgkill's first argument
                shown = "PID" if name == "MainThread" else name
                rest = re.sub(rf"\b{other_tid}\b", shown, rest)
            kept.append(f"{names.get(tid, tid_text):<11} {rest.strip()}")
    return kept


