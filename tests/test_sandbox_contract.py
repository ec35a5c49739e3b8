"""The sandbox's promises that protect the user: no verdict for a run that
did not happen, no orphan whatever happens to the parent, a child that starts
from a known signal state, and one line for bad input."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from labs import sandbox
from labs.child import procfs
from labs.contract import outcome as dumps
from labs.contract import registry
from labs.sandbox import PROJECT_ROOT
from tests.conftest import as_from_a_terminal

HIDDEN_AND_LISTED = [lesson.id for lesson in registry.LESSONS]


@pytest.mark.parametrize("lab_id", HIDDEN_AND_LISTED)
def test_every_variant_cut_short_is_an_error_not_a_verdict(lab_id, never_starts):
    """A child that never starts reports no fact: no verdict, for every variant."""
    lab = registry.get_lab(lab_id)
    for name in lab.variants:
        o = sandbox.run(lab_id, name, deadline=0.01, python=never_starts)
        if name == "raise" or o.skipped:  # selftest's failing variant; nothing ran
            continue
        required = lab.required_facts(name)
        if not required:  # selftest's skip variant requires nothing
            continue
        assert o.hazard_observed is None, f"{lab_id}/{name} gave a verdict: {o.facts}"
        assert o.error and "no verdict" in o.error, f"{lab_id}/{name}: {o.error}"


def test_a_run_missing_its_last_fact_is_an_error():
    """Facts arrived, but not the one the lab needs: still no verdict."""
    o = sandbox.run("selftest", "hang-before-facts", deadline=0.5)
    assert o.facts["started"] is True and o.exit["timed_out"]
    assert o.hazard_observed is None and "finished" in o.error


def test_every_listed_lab_declares_what_it_requires():
    for lab in [registry.get_lab(i) for i in HIDDEN_AND_LISTED if i != "selftest"]:
        for name in lab.variants:
            assert lab.required_facts(name), f"{lab.id}/{name} requires nothing"


# ------------------------------------------------------------ orphans

PARENT = textwrap.dedent("""
    import sys
    from labs import sandbox
    sandbox.run("selftest", "grandchild", deadline=60)
""")


def start_parent(code_or_cli):
    """A parent process that runs a hanging variant with its grandchild."""
    argv = ([sys.executable, "-c", code_or_cli] if isinstance(code_or_cli, str)
            else [sys.executable, "-m", "labs", *code_or_cli])
    return subprocess.Popen(argv, cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True,
                            preexec_fn=as_from_a_terminal)


def child_group_of(parent) -> list[int]:
    """Wait until the parent's child has started its grandchild (two lab
    processes and the watchdog in the child's group); return the group's pids."""
    end = time.monotonic() + 30
    while time.monotonic() < end:
        kids = [pid for pid in map(int, filter(str.isdigit, os.listdir("/proc")))
                if (procfs.stat(pid) or ["", "0"])[1] == str(parent.pid)]
        for kid in kids:
            group = procfs.processes_in_group(kid)
            if len(group) >= 3:
                return group
        time.sleep(0.02)
    raise AssertionError("the parent never started its child")


def gone_within(pids, seconds) -> bool:
    end = time.monotonic() + seconds
    while any(procfs.alive(p) for p in pids):
        if time.monotonic() > end:
            return False
        time.sleep(0.02)
    return True


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGHUP])
def test_no_process_of_a_run_outlives_its_parent(sig):
    """A crashed kernel (SIGKILL), a closed terminal (SIGHUP), `timeout` or CI
    cancelling (SIGTERM): the child, its grandchild and the watchdog are gone
    within 2 s. The parent here is plain Python calling sandbox.run, which
    installs no handler: only the watchdog can clean up."""
    parent = start_parent(PARENT)
    try:
        group = child_group_of(parent)
        parent.send_signal(sig)
        assert gone_within(group, 2.0), [p for p in group if procfs.alive(p)]
    finally:
        parent.kill()
        parent.wait()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_the_command_line_treats_term_and_hup_like_ctrl_c(sig):
    parent = start_parent(["run", "selftest", "--variant", "grandchild", "--deadline", "60"])
    try:
        group = child_group_of(parent)
        parent.send_signal(sig)
        assert parent.wait(timeout=10) == 130
        assert "interrupted" in parent.stderr.read().decode()
        assert gone_within(group, 2.0)
    finally:
        parent.kill()
        parent.wait()


def test_the_command_line_started_under_nohup_survives_a_hangup():
    """``nohup python -m labs ...``: SIGHUP was ignored when the command
    started, and it stays ignored (the run goes on)."""
    def under_nohup():
        as_from_a_terminal()
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
    parent = subprocess.Popen([sys.executable, "-m", "labs", "run", "selftest", "--variant",
                               "grandchild", "--deadline", "60"], cwd=PROJECT_ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              start_new_session=True, preexec_fn=under_nohup)
    try:
        group = child_group_of(parent)
        parent.send_signal(signal.SIGHUP)
        with pytest.raises(subprocess.TimeoutExpired):
            parent.wait(timeout=1.0)
        assert all(procfs.alive(p) for p in group)
    finally:
        parent.kill()
        parent.wait()


# ------------------------------------------------------------ a known start

def test_the_child_resets_signals_its_parent_ignored_or_blocked():
    """`make test &` or nohup: the parent ignores SIGINT (and may block
    signals). The child must still start as a fresh interpreter does."""
    code = textwrap.dedent("""
        import json, signal
        from labs import sandbox
        o = sandbox.run("selftest", "signals")
        print(json.dumps(o.facts))
    """)
    def ignore_and_block():
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1, signal.SIGTERM})
    out = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True,
                         text=True, timeout=60, preexec_fn=ignore_and_block)
    facts = json.loads(out.stdout)
    assert facts["sigint"] == "default_int_handler"
    assert facts["sigterm"] == "SIG_DFL"
    assert facts["blocked"] == []


# ------------------------------------------------------------ dumps of 3.14

DUMP_313 = ('Thread 0x00007f0000000001 (most recent call first):\n'
            '  File "/x/labs/lock_leak.py", line 3 in work\n\n'
            'Current thread 0x00007f0000000002 (most recent call first):\n'
            '  File "/x/y.py", line 9 in main\n')
# 3.14 writes the OS thread name, cut by Linux to 15 bytes (gh-125434).
DUMP_314 = ('Thread 0x00007f0000000001 [worker-with-a-l] (most recent call first):\n'
            '  File "/x/labs/lock_leak.py", line 3 in work\n\n'
            'Current thread 0x00007f0000000002 [python] (most recent call first):\n'
            '  File "/x/y.py", line 9 in main\n')


@pytest.mark.parametrize("dump", [DUMP_313, DUMP_314], ids=["3.10-3.13", "3.14"])
def test_dump_headers_of_both_forms_get_the_full_name_once(dump):
    names = {1 + 0x7f0000000000: "worker-with-a-long-name"}
    named = dumps.name_threads(dump, names)
    assert "Thread 0x00007f0000000001 [worker-with-a-long-name] (most recent" in named
    assert named.count("worker-with") == 1
    threads = dumps.parse_dump(named, names)
    assert [t["name"] for t in threads] == ["worker-with-a-long-name", "0x00007f0000000002"]
    assert threads[0]["frames"] == [("/x/labs/lock_leak.py", 3, "work")]


# ------------------------------------------------------------ the command line

def labs_cli(*args):
    return subprocess.run([sys.executable, "-m", "labs", *args], capture_output=True,
                          text=True, timeout=120, cwd=PROJECT_ROOT)


def test_an_unusable_figures_directory_fails_before_any_run():
    out = labs_cli("run", "lock-leak", "--figures", "/proc/nope")
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.strip().splitlines() == [
        "labs: error: cannot create the figures directory '/proc/nope': "
        "No such file or directory"]


def test_a_run_that_ended_as_an_error_exits_3(tmp_path):
    quits = tmp_path / "python-that-quits"  # ends at once: no fact reaches the parent
    quits.write_text("#!/bin/sh\nexit 0\n")
    quits.chmod(0o755)
    out = labs_cli("run", "lock-leak", "--variant", "fixed", "--python", str(quits))
    assert out.returncode == 3
    assert "no verdict" in out.stdout and "ended as errors" in out.stderr
