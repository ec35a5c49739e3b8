"""The sandbox: every way a child run can end gives an Outcome, nothing
outlives a run, and a lab can signal only its own child."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from labs import sandbox
from labs.child.procfs import alive, processes_in_group
from labs.contract import outcome as dumps
from labs.sandbox import supervise


def test_normal_exit(run_once):
    o = run_once("selftest", "exit")
    assert o.exit == {"code": 0, "signal": None, "timed_out": False}
    assert o.facts["answer"] == 42
    assert o.error is None and o.stacks is None and o.skipped is None
    assert o.python and o.python.count(".") == 2


def test_exception_in_child_is_reported(run_once):
    o = run_once("selftest", "raise")
    assert o.exit["code"] == 1 and not o.exit["timed_out"]
    assert "RuntimeError: an exception in the child" in o.error
    assert o.facts["before_error"] is True  # facts reported before the error survive


def test_death_by_signal_keeps_the_timeline(run_once):
    o = run_once("selftest", "signal")
    assert o.exit == {"code": None, "signal": "SIGTERM", "timed_out": False}
    assert o.facts["before_signal"] is True
    assert o.error is None  # dying by a signal is an observation, not a failure


def test_hang_gives_named_stacks(run_once):
    o = run_once("selftest", "hang", deadline=1.0)
    assert o.exit["timed_out"] is True
    assert o.facts["started"] is True
    assert o.facts["stuck_threads"] == ["stuck-worker"]
    assert "[stuck-worker]" in o.stacks and "[MainThread]" in o.stacks
    # no machine paths in a dump that notebooks store: the project's are relative
    assert 'File "labs/child/selftest.py"' in o.stacks and 'File "<stdlib>/threading.py"' in o.stacks
    assert str(sandbox.PROJECT_ROOT) not in o.stacks and sys.prefix not in o.stacks
    assert o.where_stuck()["stuck-worker"] == "child/selftest.py, in stuck: never.wait()"


@pytest.mark.parametrize("waits", [(0.0, 10.0, 15.0), (0.0, 0.005)])
def test_time_spent_waiting_for_a_cpu_moves_the_deadline_on(monkeypatch, waits):
    """The deadline is the child's own time: the kernel's count of its threads'
    waits for a CPU since "start" (faked: one value per look) moves it on, by
    at most one more deadline, and a wait under STARVED_STEP_S not at all."""
    looks = []

    def queued_s(pid):
        looks.append(time.monotonic())
        return waits[len(looks) - 1]
    monkeypatch.setattr(supervise.procfs, "queued_s", queued_s)
    o = sandbox.run("selftest", "hang", deadline=0.5)
    assert o.exit["timed_out"] is True and o.facts["stuck_threads"] == ["stuck-worker"]
    assert len(looks) == len(waits)  # at "start", at the deadline, at the moved one
    if len(waits) == 3:  # moved on by 0.5 s (the cap), not by 10 s
        assert looks[2] - looks[0] >= 0.99


def test_a_bounded_wait_moves_on_by_the_time_spent_waiting_for_a_cpu():
    """wait.until's bound moves on by what ``queued`` (faked) grows
    meanwhile, up to one more bound; with no growth it ends at its bound."""
    from labs.child import wait
    t0 = time.monotonic()
    grows = iter([0.0, 10.0, 10.0])  # at the start, at the bound, at the moved bound
    assert wait.until(lambda: time.monotonic() - t0 > 0.3, 0.2, queued=lambda: next(grows))
    looks = []
    t1 = time.monotonic()
    assert not wait.until(lambda: time.monotonic() - t1 > 0.3, 0.2,
                          queued=lambda: looks.append(1) or 0.0)
    assert len(looks) == 2  # at the start, and once at the bound: not moved
    t2 = time.monotonic()
    grows = iter([0.0, 10.0, 10.0])
    assert not wait.until(lambda: False, 0.2, queued=lambda: next(grows))
    assert time.monotonic() - t2 >= 0.4  # moved by one more bound, not by 10 s


def test_hang_at_interpreter_exit_is_seen(run_once):
    o = run_once("selftest", "hang-at-exit", deadline=1.0)
    assert o.exit["timed_out"] is True
    assert o.facts["stuck_threads"] == ["keeps-process-alive"]  # named from the end event


def test_a_slow_exit_after_the_end_is_not_a_hang(run_once):
    # The child says "end" at once, then takes a second to exit: past the
    # deadline of 0.3 s, within the grace the sandbox gives an exit.
    assert supervise.EXIT_GRACE_S >= 1.5
    o = run_once("selftest", "slow-exit", deadline=0.3)
    assert o.exit == {"code": 0, "signal": None, "timed_out": False}
    assert o.elapsed_s >= 1.0


def test_a_child_that_exited_by_the_deadline_is_not_called_hung():
    # The parent comes to look only after the deadline (it was slow itself):
    # the child's exit is there to be seen, so the run did not time out.
    proc = subprocess.Popen([sys.executable, "-c", "pass"], stdout=subprocess.PIPE)
    try:
        os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOWAIT)  # exited, not reaped
        started = time.monotonic() - 100
        events, timed_out = supervise._read_events(proc, started, 0.01, None, None)
        assert (events, timed_out) == ([], False)
    finally:
        proc.wait()
        proc.stdout.close()


def test_no_process_outlives_a_run(run_once):
    o = run_once("selftest", "grandchild", deadline=1.0)
    pid = o.facts["grandchild_pid"]
    assert o.exit["timed_out"] is True
    assert not alive(pid), "the grandchild outlived the run"
    child_pid = next(e["pid"] for e in o.timeline if e["kind"] == "start")
    assert processes_in_group(child_pid) == []


def test_skip_is_not_an_error(run_once):
    o = run_once("selftest", "skip")
    assert o.skipped == "this variant never runs: it tests the skip path"
    assert o.hazard_observed is None and o.error is None


def test_the_child_inherits_pass_fds_and_on_start_gets_it():
    r, w = os.pipe()
    seen = {}

    def on_start(child):
        seen["pid"] = child.pid
        seen["fd"] = os.readlink(f"/proc/{child.pid}/fd/{r}")

    try:
        o = sandbox.run("selftest", "exit", pass_fds=(r,), on_start=on_start)
        assert seen["fd"] == os.readlink(f"/proc/self/fd/{r}")  # the same pipe
        assert o.exit["code"] == 0 and not alive(seen["pid"])
    finally:
        os.close(r)
        os.close(w)


def test_a_failing_on_start_still_ends_the_child():
    seen = {}

    def on_start(child):
        seen["pid"] = child.pid
        raise RuntimeError("on_start failed")

    with pytest.raises(RuntimeError, match="on_start failed"):
        sandbox.run("selftest", "hang", deadline=30.0, on_start=on_start)
    assert not alive(seen["pid"])
    assert processes_in_group(seen["pid"]) == []


@pytest.mark.parametrize("bad", [0, -1, "abc", float("nan"), float("inf"), None])
def test_bad_deadline_is_refused(bad):
    with pytest.raises(sandbox.BadDeadline):
        sandbox.check_deadline(bad)


def test_a_run_cut_short_is_an_error_not_a_crash(never_starts):
    o = sandbox.run("lock-leak", "bad", deadline=0.01, python=never_starts)
    assert o.exit["timed_out"] is True and o.hazard_observed is None
    assert "the run ended before it reported" in o.error and "too short" in o.error


def test_the_deadline_counts_from_the_childs_start_not_its_spawn(slow_python):
    o = sandbox.run("selftest", "exit", deadline=1.0, python=slow_python(1.5))
    assert o.exit == {"code": 0, "signal": None, "timed_out": False}
    assert o.facts["answer"] == 42 and o.elapsed_s > 1.5


def test_a_child_that_never_starts_is_stopped_after_the_allowance(slow_python, monkeypatch):
    from labs.sandbox import supervise
    monkeypatch.setattr(supervise, "START_ALLOWANCE_S", 0.5)
    children = []
    o = sandbox.run("selftest", "exit", deadline=0.5, python=slow_python(60),
                    on_start=lambda child: children.append(child.pid))
    assert o.exit["timed_out"] is True and o.hazard_observed is None
    assert "no verdict" in o.error and o.timeline == []
    assert o.elapsed_s < 10  # 0.5 s + 0.5 s, and the group kill: not the 60 s sleep
    assert not processes_in_group(children[0])  # the shell's sleep died with the group


def test_unknown_variant_fails_in_the_parent():
    from labs.contract.registry import UnknownName
    with pytest.raises(UnknownName):
        sandbox.run("selftest", "no-such-variant")


def test_child_refuses_to_signal_anything_else():
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"],
                            start_new_session=True)
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        child = sandbox.Child(proc)
        for target in (os.getpid(), 1, other.pid):  # this test, init, a stranger
            with pytest.raises(PermissionError):
                child.signal(signal.SIGTERM, tid=target)
        assert other.poll() is None  # nothing was sent
        child.signal(signal.SIGTERM, tid=proc.pid)  # its own child: allowed
        assert proc.wait(timeout=10) == -signal.SIGTERM
    finally:
        for p in (proc, other):
            p.kill()
            p.wait()


def test_parse_dump_names_threads():
    dump = ('Thread 0x00007f0000000001 (most recent call first):\n'
            '  File "/x/labs/lock_leak.py", line 3 in work\n\n'
            'Current thread 0x00007f0000000002 (most recent call first):\n'
            '  File "/x/y.py", line 9 in main\n')
    named = dumps.name_threads(dump, {1 + 0x7f0000000000: "worker-1"})
    assert "Thread 0x00007f0000000001 [worker-1] (most" in named
    threads = dumps.parse_dump(named, {1 + 0x7f0000000000: "worker-1"})
    assert [t["name"] for t in threads] == ["worker-1", "0x00007f0000000002"]
    assert threads[0]["frames"] == [("/x/labs/lock_leak.py", 3, "work")]


def test_where_stuck_names_lab_code_in_subpackages_by_its_path():
    """The matrix and practice live in packages: their frames count as lab
    code too, named by their path under labs/; the child's machinery does not."""
    lines = (sandbox.LABS_DIR / "lessons" / "kill_matrix" / "threads.py").read_text().splitlines()
    at = next(i for i, line in enumerate(lines, 1) if line.startswith("def run_threads("))
    dump = ('Thread 0x0000000000000001 (most recent call first):\n'
            f'  File "labs/lessons/kill_matrix/threads.py", line {at} in run_threads\n'
            '  File "labs/child.py", line 1 in main\n')
    o = sandbox.Outcome(lab="matrix", variant="x", hazard_observed=None, facts={},
                        exit={"code": None, "signal": "SIGABRT", "timed_out": True},
                        elapsed_s=0.0, stacks=dump, timeline=[], python=None)
    expected = f"lessons/kill_matrix/threads.py, in run_threads: {lines[at - 1].strip()}"
    assert o.where_stuck() == {"0x0000000000000001": expected}


def test_run_many_runs_each_variant_in_turn_and_shows_progress_on_a_terminal(monkeypatch):
    import io

    from labs.show import progress as progress_module
    screen = io.StringIO()
    screen.isatty = lambda: True
    monkeypatch.setattr(progress_module.sys, "stderr", screen)
    outcomes = sandbox.run_many("selftest", ["exit", "raise"])
    assert list(outcomes) == ["exit", "raise"]
    assert [o.variant for o in outcomes.values()] == ["exit", "raise"]
    assert outcomes["raise"].error and not outcomes["exit"].error
    shown = screen.getvalue()
    assert "selftest, 2 runs: 1 of 2: exit" in shown and "2 of 2: raise" in shown
    assert shown.endswith("\r")  # and blanked at the end


def test_a_flooded_event_stream_is_counted_not_kept(run_once):
    """A child writing 100,000 lines and a 3 MB line into its event pipe: the
    parent keeps at most MAX_EVENTS and says how many it dropped (found by a
    hostile review: a graded child grew the grader to 1.5 GB)."""
    from labs.sandbox import supervise
    o = run_once("selftest", "flood")
    assert o.facts["answer"] == 42
    assert len(o.timeline) <= supervise.MAX_EVENTS + 3
    last = o.timeline[-1]
    assert last["kind"] == "garbled" and "more events not kept" in last["text"]
    # and of 6 MiB of stderr, the end (a GiB grew the grader by as much)
    assert len(o.stderr) <= supervise.MAX_STDERR + 100, len(o.stderr)
    assert "bytes of stderr before this not kept" in o.stderr


@pytest.mark.parametrize("line", [b'{"kind": "end", "threads": 5}',
                                  b'{"kind": "end", "threads": [{"ident": "x", "name": 1}]}'])
def test_an_event_whose_thread_list_is_malformed_is_garbled(line):
    """A closing list of threads of another shape killed the thread that reads
    the child's outcome, in the grader (hostile round, thirtieth session)."""
    from labs.sandbox import supervise
    assert supervise._parse(line)["kind"] == "garbled"
    ok = supervise._parse(b'{"kind": "end", "threads": [{"ident": 7, "name": "MainThread"}]}')
    assert ok["kind"] == "end"


TIMED_WAITER = """
import select, selectors, socket, sys, threading, time
a, b = socket.socketpair()
kind = sys.argv[1]
def wait():
    if kind == "selector":
        with selectors.DefaultSelector() as sel:
            sel.register(a, selectors.EVENT_READ)
            sel.select(timeout=2.5)
    elif kind == "settimeout":
        a.settimeout(2.5)
        a.recv(1)
    elif kind == "select":
        select.select([a], [], [], 2.5)
    elif kind == "sleep":
        time.sleep(2.5)
    elif kind == "event":
        threading.Event().wait(2.5)
    else:
        a.recv(1)  # no timeout
t = threading.Thread(target=wait, daemon=True)
t.start()
print(t.native_id, flush=True)
sys.stdin.readline()
"""


@pytest.mark.parametrize("kind", ["selector", "settimeout", "select", "sleep", "event", "recv"])
def test_the_kernel_shows_a_threads_timed_wait_and_its_timeout(kind):
    """procfs.timed_wait, read from another process as the grader reads the
    learner's: the call and its timeout (what is left of an absolute one);
    None for a wait with no timeout."""
    from labs.child import procfs, wait
    p = subprocess.Popen([sys.executable, "-c", TIMED_WAITER, kind], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, text=True)
    try:
        tid = int(p.stdout.readline())
        if kind == "recv":  # (a moment's wait for the GIL is a timed futex wait too)
            assert wait.until(lambda: (procfs.syscall(p.pid, tid) or "?").split()[0]
                              in procfs.RECEIVE, 10.0)
            assert procfs.timed_wait(p.pid, tid) is None
            return
        assert wait.until(lambda: (procfs.timed_wait(p.pid, tid) or ("", 0))[1] > 1, 10.0)
        found = procfs.timed_wait(p.pid, tid)
        assert found is not None and found[1] <= 2.5, found
        if kind in ("selector", "settimeout", "select"):  # relative: the timeout given
            assert found[1] == 2.5
    finally:
        p.kill()
        p.wait()


@pytest.mark.parametrize("kind, own", [("pipe", True), ("socket", False)])
def test_the_kernel_tells_a_read_on_a_pipe_from_a_wait_for_a_reply(kind, own):
    """procfs.blocked_in_io_no_socket: a thread blocked reading a pipe of its own is
    in a wait of its own (lost-task's pause run sets the stop in it); one
    blocked reading a socket may be waiting for the grader's reply."""
    from labs.child import procfs, wait
    code = textwrap.dedent(f"""
        import os, socket, sys, threading
        if {kind!r} == "pipe":
            r, w = os.pipe()
            read = lambda: os.read(r, 1)
        else:
            a, b = socket.socketpair()
            read = lambda: a.recv(1)
        t = threading.Thread(target=read, daemon=True)
        t.start()
        print(t.native_id, flush=True)
        sys.stdin.readline()
    """)
    p = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, text=True)
    try:
        tid = int(p.stdout.readline())
        assert wait.until(lambda: (procfs.syscall(p.pid, tid) or "?").split()[0]
                          in procfs.RECEIVE, 10.0)
        assert procfs.blocked_in_io_no_socket(p.pid, tid) is own
    finally:
        p.kill()
        p.wait()
