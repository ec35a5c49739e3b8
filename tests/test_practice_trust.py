"""The trusted engine (labs.practice.engine): no cheat passes, even with the
policy out of the way; the policy refuses what it says and accepts ordinary
code; every answer that cannot run is one line; nothing outlives a check."""
from __future__ import annotations

import math
import os
import queue
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from labs.practice import arena, engine, exercises, grade, policy, ship, wire
from labs.practice.exercises import expected_message

pytestmark = pytest.mark.slow  # every known answer graded: many sandboxed children
CHILD_PYTHON = os.environ.get("LABS_CHILD_PYTHON") or None  # tests/conftest.py

PORTED = [ex for ex in exercises.all_exercises() if ex.scenario is not None]
CHEATS = [(ex, p) for ex in PORTED for p in ex.cheats()]
RIGHT = [(ex, p) for ex in PORTED for p in ex.right_answers()]


def test_ported_exercises_have_enough_answers():
    assert {ex.id for ex in PORTED} >= {"lock-leak/stop-worker", "lock-leak/safe-transfer",
                                        "lost-task/consumer", "lost-task/shutdown",
                                        "signal-target/sigterm", "signal-target/stop-one",
                                        "blocking-io/wakeup-reader",
                                        "blocking-io/timeout-consumer"}
    for ex in PORTED:
        assert len(ex.right_answers()) >= 3, ex.id
        assert len(ex.wrong_answers()) >= 6, ex.id


@pytest.mark.parametrize("ex,path", RIGHT, ids=[p.stem for _, p in RIGHT])
def test_right_answer_passes(ex, path):
    """Each mode once; many gradings of each: scripts/repeat_practice.py."""
    r = grade.grade(ex.id, path.read_text(), runs=len(ex.modes), python=CHILD_PYTHON)
    assert r.passed, r.text()


@pytest.mark.parametrize("ex,path", CHEATS, ids=[p.stem for _, p in CHEATS])
def test_cheat_never_passes(ex, path):
    r = grade.grade(ex.id, path.read_text(), runs=len(ex.modes))
    assert not r.passed
    want = expected_message(path)
    assert any(want in line for line in r.failures()), (want, r.failures())


def _unchecked(ex_id, source, runs=4, order_seed=None, guarded=True):
    """Grade with the policy out of the way (and the guard, ``guarded=False``):
    the verdict must hold anyway."""
    ex = exercises.get(ex_id)
    return engine.Session(ex, textwrap.dedent(source), runs, python=CHILD_PYTHON,
                          order_seed=order_seed, guarded=guarded).run()


@pytest.mark.parametrize("source", [
    "import labs.child.record\ndef worker(bank, lock, stop):\n    pass\n",
    "from labs.practice.answers.lock_leak__stop_worker import worker\n",
])
def test_without_the_policy_the_grader_is_out_of_reach(source):
    r = _unchecked("lock-leak/stop-worker", source)
    assert not r.passed
    assert "ModuleNotFoundError" in (r.problem or ""), r.problem


def test_without_the_policy_nor_the_guard_the_kernel_refuses_a_program():
    """A program started from the learner's process would run without the
    guard, on its memory: the jail's seccomp filter makes execve fail, in
    a process it forks too (jail.forbid_programs)."""
    r = _unchecked("lock-leak/stop-worker", """
        import os
        pid = os.fork()
        if pid == 0:
            try:
                os.execv("/bin/true", ["true"])
            except PermissionError:
                os._exit(7)
            os._exit(0)
        child = os.waitpid(pid, 0)[1]
        try:
            os.execv("/bin/true", ["true"])
        except PermissionError as e:
            raise RuntimeError(f"refused: {e.strerror}, the fork's exit {child >> 8}")
        def worker(bank, lock, stop):
            pass
        """, runs=1, guarded=False)
    assert "refused: Operation not permitted, the fork's exit 7" in (r.problem or ""), r.problem


def test_what_a_child_tells_of_an_exception_is_read_only_in_its_shape():
    """A report of a failed load with no frames, or frames of another shape,
    raised in the grader's own process (hostile round, thirtieth session)."""
    assert engine.told_frames([5, [1, "f", "x = 1"], [1, 2, 3], "s"]) == [[1, "f", "x = 1"]]
    assert engine.told_frames({"a": 1}) == []
    assert engine.told_text("Boom\n" * 10_000, 80) == "Boom " * 16  # one line, 80 characters
    assert engine.told_text(["not", "a str"]) == "['not', 'a str']"


def test_a_queue_get_with_timeout_minus_one_raises_as_cpythons_does():
    """CPython's Queue.get(timeout=-1) raises ValueError (3.10 to 3.15); the
    grader's queue read -1 as no timeout, as a lock's acquire does."""
    r = _unchecked("lost-task/consumer", """
        def consumer(tasks, stop, do):
            tasks.get(timeout=-1)
        """, runs=1)
    assert "ValueError: 'timeout' must be a non-negative number" in " ".join(r.failures()), \
        r.failures()


LOCK_ARGS = [(False, 0.1), (True, None), (1, 0.1), (True, math.inf), (True, 1e10),
             (True, -0.5), (False, -1), (True, True), (True, -1.0), (0, -1)]
GET_ARGS = [(False, -1), (False, "x"), (True, math.inf), (True, 1e10), (True, -1), (True, "x"),
            (True, None)]


def _outcome(call) -> str:
    try:
        call()
    except arena.Raise as e:
        return e.name
    except Exception as e:  # noqa: BLE001 - the real one's exception, by name
        return type(e).__name__
    return "ok"


@pytest.mark.parametrize("blocking,timeout", LOCK_ARGS)
def test_the_checks_lock_reads_acquires_arguments_as_a_real_one(blocking, timeout):
    """What a real ``Lock().acquire(blocking, timeout)`` raises, the check's
    lock raises (a hostile round, thirty-first session: ``acquire(False,
    0.1)`` and ``acquire(timeout=None)`` passed, ``acquire(1, 0.1)`` failed).
    Only arguments that do not wait: the real lock is free."""
    real = _outcome(lambda: threading.Lock().acquire(blocking, timeout))
    assert _outcome(lambda: arena._lock_wait(blocking, timeout)) == real


@pytest.mark.parametrize("block,timeout", GET_ARGS)
def test_the_checks_queue_reads_gets_arguments_as_a_real_one(block, timeout):
    """What a real ``Queue().get(block, timeout)`` of an empty queue raises
    before it waits, the check's queue raises (Empty is the get's own answer,
    after the arguments: read as "ok" here). A timeout past TIMEOUT_MAX raises
    OverflowError once the get would wait (``get(timeout=math.inf)`` passed)."""
    if block and timeout is None:
        real = "ok"  # (the real one would wait for ever: None is read, no more)
    else:
        real = _outcome(lambda: queue.Queue().get(block, timeout))
        real = "ok" if real == "Empty" else real

    def grader():
        arena.too_large(arena._timeout(block, timeout))
    assert _outcome(grader) == real


WAIT_ARGS = [math.inf, 1e10, "x", -1, 0]


@pytest.mark.parametrize("timeout", WAIT_ARGS)
def test_the_checks_events_and_threads_read_a_waits_timeout_as_real_ones(timeout):
    """A real Event's ``wait(timeout)`` while it is not set, and a running
    thread's ``join(timeout)``, raise what the check's raise for that timeout
    (OverflowError past TIMEOUT_MAX, TypeError for what is not a number);
    the others return."""
    event = _outcome(lambda: threading.Event().wait(timeout))
    done = threading.Event()
    running = threading.Thread(target=done.wait)
    running.start()
    try:
        joined = _outcome(lambda: running.join(timeout))
    finally:
        done.set()
        running.join()
    grader = _outcome(lambda: arena.too_large(arena.wait_timeout(timeout)))
    assert event == joined == grader


def test_a_learners_text_that_cannot_be_encoded_is_told_escaped():
    """A lone surrogate in an exception's message reached the verdict as it
    was: printing it raised UnicodeEncodeError (the command line; a class's
    grades file cut short). The grader escapes it as it comes in."""
    r = grade.grade("lock-leak/safe-transfer", textwrap.dedent("""
        def transfer(bank, lock, src, dst, amount):
            raise ValueError("\\ud800")
        """), runs=1, python=CHILD_PYTHON)
    assert not r.passed
    text = r.text() + r.summary() + " ".join(r.failures())
    text.encode("utf-8")  # no UnicodeEncodeError
    assert "\\ud800" in text, text


def test_without_root_the_grader_is_not_dumpable_while_checks_run():
    """Without root the learner's process is the grader's own user: the
    grader is then not dumpable (its memory out of that process's reach),
    until the last of the checks that run at once ends."""
    before = engine._prctl(3)  # PR_GET_DUMPABLE
    assert before == 1
    with engine.out_of_reach(True):
        with engine.out_of_reach(True):
            assert engine._prctl(3) == 0
        assert engine._prctl(3) == 0
    assert engine._prctl(3) == 1
    with engine.out_of_reach(False):  # as root: a user of its own, nothing to do
        assert engine._prctl(3) == 1


def test_without_the_policy_a_process_left_behind_fails_and_is_killed():
    session = engine.Session(exercises.get("lost-task/shutdown"), textwrap.dedent("""
        import os, time
        if os.fork() == 0:
            os.setsid()  # a session of its own: the process-group kill misses it
            time.sleep(60)
            os._exit(0)
        def shutdown(tasks, consumers):
            for _ in consumers:
                tasks.put(None)
            for t in consumers:
                t.join()
    """), 4)
    r = session.run()
    assert not r.passed
    assert any("process(es) left running" in x for x in r.failures()), r.failures()
    if session.uid is not None:  # as root: nothing of the check's uid survives it
        assert engine.processes_of_uid(session.uid) == []


def test_a_right_answer_with_a_lock_of_its_own_too_passes():
    # While the bank holds worker-1 (holding both locks) in its failing credit,
    # worker-2 waits on the learner's own lock, never at the check's: the check
    # sees that in the kernel (an untimed futex wait) and lets worker-1 go.
    r = grade.grade("lock-leak/safe-transfer", textwrap.dedent("""
        import threading

        mine = threading.Lock()


        def transfer(bank, lock, src, dst, amount):
            with mine:
                with lock:
                    bank.debit(src, amount)
                    try:
                        bank.credit(dst, amount)
                    except Exception:
                        bank.credit(src, amount)
                        raise
    """), runs=3)
    assert r.passed, r.text()


@pytest.mark.parametrize("ex_id", ["blocking-io/timeout-consumer", "blocking-io/wakeup-reader"])
def test_without_the_policy_a_forked_poller_is_counted_as_the_learners(ex_id):
    # The known cheats hide a busy poller in a forked process (the learner's own
    # sleeps in waitpid); the policy refuses them, and the kernel counts of the
    # learner's process and the processes below it catch them anyway.
    ex = exercises.get(ex_id)
    source = (exercises.ANSWERS / f"{ex.slug}__cheat_match_fork.py").read_text()
    r = _unchecked(ex_id, source)
    assert not r.passed
    assert any("while idle" in x for x in r.failures()), r.failures()


@pytest.mark.skipif(os.geteuid() != 0, reason="the learner's uid is dropped only as root")
def test_the_learner_cannot_signal_the_grader():
    r = _unchecked("lost-task/consumer", """
        import os, signal
        def consumer(tasks, stop, do):
            os.kill(os.getppid(), signal.SIGSTOP)
    """, runs=1)
    assert not r.passed
    assert any("PermissionError" in x for x in r.failures()), r.failures()


def test_without_the_policy_no_proxy_hands_over_the_wire():
    """A method of the learner's own class given the bank as ``self`` read
    ``bank._w`` (a policy hole, twenty-fifth session) and rewrote the
    call's report to "raised Frozen": it passed every grading. No proxy
    holds the wire now: it fails with the policy out of the way."""
    source = (Path(engine.__file__).parent / "answers"
              / "lock_leak__safe_transfer__cheat_type_of_own_class.py").read_text()
    r = _unchecked("lock-leak/safe-transfer", source)
    assert not r.passed
    assert any("never saw Frozen" in x or "AttributeError" in x for x in r.failures()), \
        r.failures()


def test_gil_holding_code_is_bounded_by_the_parent():
    started = time.monotonic()
    r = _unchecked("lost-task/consumer", """
        def consumer(tasks, stop, do):
            sum(range(10 ** 11))  # C code that never lets go of the GIL
    """, runs=10, order_seed=4)  # (the trickle run first: the longest)
    took = time.monotonic() - started
    assert not r.passed and "did not finish" in (r.fatal or "")
    assert [run.mode for run in r.runs] == ["trickle"], r.runs
    # the run's budget grows by what the grader held (at most HELD_CAP_S) and by
    # the time the process waited for a CPU (at most another budget); past it the
    # grader waits for nothing more (Rep.spent), and the stack dump's SIGABRT ends
    # the child. 8.9 s idle, 17.6 s once in a fresh-clone make test (fifteenth
    # session); where the trickle run came first the grader went on pushing the
    # clock past the budget, 2 s a push: 20.9 s idle (twenty-fifth session), 14.7 s
    # since, beside a loaded repetition. The bound is those caps, plus the start,
    # the stack dump and the kill
    budget = exercises.get("lost-task/consumer").budget_s
    assert took < 2 * budget + engine.HELD_CAP_S + 5.0, took


def test_a_forged_report_is_an_anomaly():
    r = _unchecked("lock-leak/stop-worker", """
        import os
        def worker(bank, lock, stop):
            with lock:
                pass
            for fd in range(3, 40):
                try:
                    os.write(fd, b'{"obj": "r1.rep", "op": "returned", "args": [0, null]}\\n')
                except OSError:
                    pass
    """, runs=1)
    assert not r.passed


FORGER = r"""
        import json, os, sys

        def report(fd, rep, op, *args):
            os.write(fd, json.dumps({"obj": rep, "op": op, "args": list(args)}).encode() + b"\n")
            reply = b""
            while not reply.endswith(b"\n"):
                reply += os.read(fd, 4096)

        def swallowing(bank, lock, src, dst, amount):
            with lock:
                bank.debit(src, amount)
                try:
                    bank.credit(dst, amount)
                except Exception as e:
                    bank.credit(src, amount)
                    return e

        def transfer(bank, lock, src, dst, amount):
            runner = sys._getframe(1).f_locals
            wire, rep, k = runner["wire"], runner["rep"], runner["k"]
            fd = wire.local.conn.fileno()
            for i in range(k, runner["calls"]):
                if i > k:
                    report(fd, rep, "call", i)
                e = swallowing(bank, lock, src, dst, amount)
                if e is None:
                    report(fd, rep, "returned", i, ["NoneType", None])
                else:
                    report(fd, rep, "raised", i, type(e).__name__, str(e), [],
                           wire.raised_by_check(e))
            os.close(fd)
    """


def test_a_report_without_the_calls_token_ends_nothing():
    # The swallow the statement forbids, hidden by reports written to the
    # thread's own descriptor as the runner would write them, but for each
    # call's token, which stays in the runner's local variable: the cheat runs
    # the rest of its thread's calls itself, then closes the descriptor, so
    # the runner's own reports never come. Before the tokens it passed. Frames
    # stand in here for however such code finds its descriptor, its run and
    # its call's number (the policy refuses frames, the guard ends a process
    # that takes one: both out of the way here).
    r = _unchecked("lock-leak/safe-transfer", FORGER, runs=3, guarded=False)
    assert not r.passed
    assert "a forged message?" in r.text(), r.text()


def test_the_guard_ends_a_module_that_walks_the_object_graph_as_it_loads():
    r = _unchecked("lock-leak/stop-worker", """
        import gc
        everything = gc.get_objects()
        def worker(bank, lock, stop):
            pass
    """, runs=1)
    assert not r.passed
    assert r.problem == ("the grader's guard ended your process: your code walked the object "
                         "graph (gc.get_objects) at line 3 (while loading)"), r.problem


def test_a_runners_report_goes_through_nothing_the_learner_rebinds():
    """json.dumps is json._default_encoder's encode, a module attribute no
    audit event shows written: replaced, it saw every report of the runner's,
    token and all, and rewrote a swallowing answer's "returned" into "raised
    Frozen" (a hostile round, twenty-ninth session: PASS 10 of 10). The
    runners report through json's C encoder made before the learner's code
    loads (wire.runner_path): the swallow fails, the policy and the guard
    out of the way of neither."""
    r = _unchecked("lock-leak/safe-transfer", """
        import json, threading

        real, mine = json._default_encoder, threading.local()

        class Rewriter:
            def encode(self, obj):
                e = getattr(mine, "swallowed", None)
                if e is not None and type(obj) is dict and obj.get("op") == "returned":
                    k, _, token = obj["args"]
                    mine.swallowed = None
                    obj = {"obj": obj["obj"], "op": "raised",
                           "args": [k, type(e).__name__, str(e), [], False, token]}
                return real.encode(obj)

        json._default_encoder = Rewriter()

        def transfer(bank, lock, src, dst, amount):
            with lock:
                bank.debit(src, amount)
                try:
                    bank.credit(dst, amount)
                except Exception as e:
                    bank.credit(src, amount)
                    mine.swallowed = e
    """, runs=3)
    assert not r.passed
    assert any("the caller never saw Frozen" in x for x in r.failures()), r.failures()


def test_the_jail_leaves_no_ctypes_loaded_for_the_learner():
    """The jail loads ctypes for one prctl; loaded, `import ctypes` raised no
    event (a hostile round wrote memory with a ctypes Union): it is forgotten."""
    r = _unchecked("lost-task/consumer", """
        import ctypes
        def consumer(tasks, stop, do):
            pass
    """, runs=1)
    assert r.problem == ("the grader's guard ended your process: your code imported ctypes "
                         "at line 2 (while loading)"), r.problem


def test_the_guard_ends_a_process_that_takes_the_runners_frame():
    """The same forger, the guard in place (the policy still out of the way):
    its first ``sys._getframe`` ends the process (labs.practice.guard), and
    the verdict names it, with its line."""
    r = _unchecked("lock-leak/safe-transfer", FORGER, runs=3)
    assert not r.passed
    assert any("the grader's guard ended your process: your code took a frame "
               "(sys._getframe) at line 20" in x for x in r.failures()), r.failures()


# ---------------------------------------------------------------- the policy

@pytest.mark.parametrize("source,construct", [
    ("import labs\n", "import of labs"),
    ("import inspect\n", "import of inspect"),
    ("import sys\nf = sys._getframe()\n", "._getframe"),
    ("import sys\nsys.settrace(None)\n", ".settrace"),
    ("import threading\nthreading.setprofile(None)\n", ".setprofile"),
    ("exec('x = 1')\n", "exec()"),
    ("eval('1')\n", "eval()"),
    ("compile('1', 'x', 'eval')\n", "compile()"),
    ("__import__('os')\n", "__import__()"),
    ("def f(bank):\n    return bank._accounts\n", "the private attribute ._accounts"),
    ("def f(t):\n    t.__class__ = object\n", "the dunder attribute .__class__"),
    ("def f(t):\n    return getattr(t, name)\n", "getattr() with an attribute name"),
    ("import gc\n", "import of gc"),
    ("import os\nos.setsid()\n", ".setsid"),
    ("import subprocess\n", "import of subprocess"),
    ("import os\nos.spawnlp(os.P_NOWAIT, 'sleep', 'sleep', '9')\n", ".spawnlp"),
    ("import os\nos.spawnvpe(os.P_NOWAIT, 'sleep', ['sleep'], {})\n", ".spawnvpe"),
    ("import os\nos.execlpe('sleep', 'sleep', {})\n", ".execlpe"),
    ("import os\nos.register_at_fork(before=print)\n", ".register_at_fork"),
    # from a hostile review: each of these reached the grader's wire or the process
    ("def _wire(self):\n    return self._w\n", "the private attribute ._w"),
    ("class A:\n    pass\na = A()\ndef f(bank):\n    global a\n    a = bank\n    return a._w\n",
     "the private attribute ._w"),
    ("g = getattr\n", "getattr used other than in a call"),
    ("import os\nos._exit = print\n", "changing os._exit"),
    ("import os\nsetattr(os, '_exit', print)\n", "changing os._exit"),
    ("import threading\nthreading.Lock = object\n", "changing threading.Lock"),
    ("__name__ = '__main__'\nif __name__ == '__main__':\n    import labs\n", "assigning __name__"),
    # session 8's hostile reading: a class pattern reads attributes too; and a
    # module's classes and submodules are the module's
    ("def f(bank):\n    match bank:\n        case object(_w=w):\n            return w\n",
     "the private attribute ._w"),
    ("import os\ndef f():\n    match os:\n        case object(fork=fk):\n            fk()\n",
     ".fork"),
    ("import sys\ndef f():\n    match sys:\n        case object(modules=m):\n            return m\n",
     ".modules"),
    ("def f(e):\n    match e:\n        case object(__traceback__=t):\n            return t\n",
     "the dunder attribute .__traceback__"),
    ("import threading\nthreading.Condition.wait = print\n",
     "changing threading.Condition.wait (part of a module)"),
    ("import os\nos.path.exists = None\n", "changing os.path.exists"),
    # a right-answer round (nineteenth session): a submodule the child never loads failed
    # to load there (ModuleNotFoundError, exit 1); refused here, in one line, exit 2
    ("import logging.handlers\n", "import of logging.handlers (a submodule"),
    ("from logging.handlers import QueueHandler\n", "import of logging.handlers (a submodule"),
    ("from logging import handlers\n", "import of logging.handlers (a submodule"),
    # getattr(self, "_x") is read as self._x (twenty-eighth session): only of a method's
    # own first parameter, in a class that stays a class
    ("class A:\n    def m(self, other):\n        return getattr(other, '_w')\n",
     "the private attribute ._w"),
    ("class A:\n    @staticmethod\n    def m(self):\n        return hasattr(self, '_w')\n",
     "the private attribute ._w"),
    ("class A:\n    def m(self):\n        def f(self):\n            return getattr(self, '_w')\n"
     "        return f\n", "the private attribute ._w"),
    ("class A:\n    def m(self):\n        return getattr(self, '_w')\ndef f(bank):\n"
     "    return A.m(bank)\n", "A.m (a method taken from its class"),
    ("class A:\n    def m(self):\n        return getattr(self, 'get_objects')\n",
     "getattr() of .get_objects"),
    # type(x) == C and issubclass(type(x), C) (twenty-eighth session): only with builtin
    # classes, whose __eq__ and __subclasscheck__ are not the learner's
    ("class R:\n    def m(self):\n        return self._w\nclass E:\n    def __eq__(self, o):\n"
     "        return o\ndef f(bank):\n    return type(R()) == E()\n", "type(R()) used other than"),
    ("class R:\n    def m(self):\n        return self._w\ndef f(bank):\n    int = bank\n"
     "    return type(R()) == int\n", "type(R()) used other than"),
    ("class R:\n    def m(self):\n        return self._w\ndef f(bank):\n"
     "    return type(R()) in (int, bank)\n", "type(R()) used other than"),
    ("class R:\n    def m(self):\n        return self._w\ndef f(bank):\n"
     "    return issubclass(type(R()), bank)\n", "type(R()) used other than"),
    ("import abc\nclass H(abc.ABC):\n    @classmethod\n    def __subclasshook__(cls, C):\n"
     "        return C\n", "defining __subclasshook__"),
    # a chain of 1500 classes: one line, not a RecursionError's traceback (twenty-eighth
    # session)
    ("class C0:\n    def m(self):\n        return self._x\n"
     + "".join(f"class C{i}(C{i - 1}):\n    pass\n" for i in range(1, 1500))
     + "def f(b):\n    return C1499.m(b)\n", "code nested too deeply to read"),
])
def test_policy_refuses_with_one_line_naming_the_construct(source, construct):
    with pytest.raises(policy.Refused) as why:
        policy.check(source)
    assert construct in str(why.value) and str(why.value).startswith("line ")
    assert "\n" not in str(why.value)


def test_policy_accepts_ordinary_code():
    policy.check(textwrap.dedent("""
        import collections
        import collections.abc
        import logging
        import os.path
        from os import path
        import queue
        import threading
        import time

        log = logging.getLogger(__name__)

        class Counter:
            def __init__(self):
                super().__init__()
                self._count = 0

            def add(self):
                self._count += 1

        def kind(job):
            match job:
                case int(real=r) if r > 0:
                    return "positive"
                case {"id": i}:
                    return f"job {i}"
                case Counter(add=_):
                    return "a counter"
            return "other"

        def consumer(tasks, stop, do):
            seen = collections.Counter()
            c = Counter()
            while not stop.is_set():
                try:
                    n = tasks.get(timeout=0.05)
                except queue.Empty:
                    continue
                print("got", n, time.monotonic(), c._count)
                seen[n] += 1
                do(n)
                tasks.task_done()

        if __name__ == "__main__":  # never runs in the grader: not read
            consumer(None, threading.Event(), print)
            setattr(Counter, input(), 1)
    """))


def test_policy_accepts_names_inits_and_its_own_classes():
    """Refused until the fifteenth session's right-answer round."""
    policy.check(textwrap.dedent("""
        from __future__ import annotations

        import functools
        import logging
        import threading
        from dataclasses import dataclass, field

        log = logging.getLogger(__name__)

        def logged(fn):
            @functools.wraps(fn)
            def wrapper(*args):
                log.info("%s starts", fn.__name__)
                return fn(*args)
            return wrapper

        class Helper(threading.Thread):
            _made = 0
            _lock = threading.Lock()

            def __init__(self, job):
                threading.Thread.__init__(self)
                self.job = job
                with Helper._lock:
                    Helper._made += 1

        class _Reader:
            def _loop(self):
                return Helper._made

        @dataclass
        class Stats:
            seen: list[int] = field(default_factory=list)

        @logged
        def transfer(bank, lock, src, dst, amount):
            try:
                bank.debit(src, amount)
            except Exception as e:
                log.warning("%s: %s", type(e).__name__, e)
                raise
            return _Reader()._loop()
    """))


@pytest.mark.parametrize("source,construct", [
    ("def f(bank):\n    bank.__init__()\n", "bank.__init__ other than called on self"),
    ("def f(fn):\n    fn.__name__ = 'x'\n", "the dunder attribute .__name__"),
    ("class A:\n    pass\nA = None\ndef f(bank):\n    return A._x\n", "the private attribute ._x"),
    ("def f(bank):\n    return bank.__dict__\n", "the dunder attribute .__dict__"),
    # the twenty-fourth session's: names read per scope, each of these held a
    # grader's object under a name the file-wide reading took for an own one
    ("import queue\ndef consumer(queue, stop, do):\n    return queue._w\n",
     "the private attribute ._w"),
    ("class A:\n    pass\na = A()\ndef f(bank):\n    match bank:\n        case a:\n"
     "            return a._w\n", "the private attribute ._w"),
    ("class A:\n    pass\ndef f(bank):\n    A = lambda: bank\n    a = A()\n    return a._w\n",
     "the private attribute ._w"),
    ("class A:\n    pass\ndef f(bank):\n    a = A()\n    @lambda _: bank\n    def a():\n"
     "        pass\n    return a._w\n", "the private attribute ._w"),
    ("def f(bank):\n    @lambda c: (lambda: bank)\n    class A:\n        pass\n    a = A()\n"
     "    return a._w\n", "the private attribute ._w"),
    ("class A:\n    pass\ndef f(bank):\n    a = A()\n    def g():\n        nonlocal a\n"
     "        a = bank\n    g()\n    return a._w\n", "the private attribute ._w"),
    ("class A:\n    pass\na = A()\ndef f(bank):\n    global a\n    a = bank\ndef h():\n"
     "    return a._w\n", "the private attribute ._w"),
    ("class A:\n    pass\ndef f(bank):\n    a = A()\n    [(a := b) for b in [bank]]\n"
     "    return a._w\n", "the private attribute ._w"),
    ("x = " + "-" * 600 + "1\n", "code nested too deeply to read"),
])
def test_policy_still_refuses_what_a_name_does_not_make_own(source, construct):
    with pytest.raises(policy.Refused, match=construct):
        policy.check(source)


POLICY_CHEATS = sorted((Path(__file__).parent / "policy_cheats").glob("*.py"))


@pytest.mark.parametrize("path", POLICY_CHEATS, ids=[p.stem for p in POLICY_CHEATS])
def test_policy_refuses_every_way_a_review_found_to_reach_a_given_objects_insides(path):
    """A policy review (twenty-fourth session) wrote 33 sources the policy
    accepted, each shown at run time to read or write a private attribute of
    the object its function was given (or the caller's frame, or
    ``sys.modules``): aliases of eval, vars and open; a format field
    (``"{0._w}".format``, ``string.Formatter().get_field``); ``super(T, obj)``
    and a ``super`` of one's own; a method taken from its class and called
    with that object as ``self``; a class whose ``__new__``, metaclass or
    decorator returns it; a class body's names, read from the module's;
    ``__match_args__``; ``__name__`` bound by a def, a class or a capture,
    which switched on the main guard the policy skips. The twenty-fifth
    session added forty-two: a ``@staticmethod`` whose first parameter is
    called ``self``, called from its class or an instance, and ``property``
    rebound to ``staticmethod``; and a method of the learner's own class
    taken from a class got otherwise than by its name, then given the
    object as ``self``: ``type(x)``, ``x.__class__``, an alias, a list,
    ``getattr``, ``super(Sub, Sub)``, a subclass, a classmethod's ``cls``,
    ``mro()``, a property's ``fget``, a name bound in the class body; and a
    second review's twenty-five (``a51``-``a75``): a positional-only first
    parameter, a ``__new__`` or metaclass inherited, a class name bound
    twice, ``__class__`` as a bare name, ``map(type, ...)``, ``==`` handing a
    class to another ``__eq__``, hooks that receive a class (``__get__``,
    ``__set_name__``, ``__init_subclass__``), ``sys.exc_info()[0]``, an
    ``__init__`` run on the given object, and, reaching frames,
    ``sys.modules`` or eval: ``typing.get_type_hints`` of a string
    annotation, a format field ``{0.f_back.f_globals}``, a ``.format`` kept
    uncalled, a ``Formatter(fmt=...)`` keyword, ``self._getframe`` on an
    own ``self``; and a third review's seventeen (``a76``-``a92``, twenty-
    seventh session; seven passed an exercise by rewriting a call's
    report): modules reached as other modules' attributes (``enum.bltns``,
    ``dataclasses.inspect``), a module's private attributes, ``io.open``,
    ``type()`` with three arguments, ``register`` of a class of its own, a
    method handed out by its class body, ``self.__closure__``, a
    ``Formatter(**...)``, ``getattr(fmt, "format")``, a ``!`` inside a
    format field's index, ``findCaller``; and eight rounds of the twenty-eighth
    session's (``a95``-``a157``), reaching the runner's frame and its token, gc
    and eval, among them through ``sys.meta_path``, a dataclass's exec of its
    field names, ``string.Formatter``'s ``_vformat`` on a subclass,
    ``sys.breakpointhook``, ``/proc/self/mem``, ``os.dup2`` or ``os.close``
    then a new socket onto the grader's channel, ``enum.global_enum``
    replacing ``json.dumps``, ``socket.socket.sendall`` replaced through an
    alias, an import path of its own, ``os.fwalk`` opening any path, and a
    copy of the runner's channel (``os.dup``, ``os.write``) carrying forged calls.
    Each is refused now, with the blocking-io exercises' modules allowed too
    (``socket``)."""
    assert len(POLICY_CHEATS) >= 30
    with pytest.raises(policy.Refused) as why:
        policy.check(path.read_text(), policy.COMMON_MODULES + ("select", "selectors", "socket"))
    assert str(why.value).startswith("line ") and "\n" not in str(why.value)


ORDINARY = sorted((Path(__file__).parent / "policy_ordinary").glob("*.py"))


@pytest.mark.parametrize("path", ORDINARY, ids=[p.stem for p in ORDINARY])
def test_policy_accepts_the_ordinary_code_a_review_found_refused(path):
    """tests/policy_ordinary/README.md: each refused before the twenty-fifth
    session's policy review, each an everyday style (with the blocking-io
    exercises' modules: a self-pipe beside ``select``)."""
    assert len(ORDINARY) >= 10
    policy.check(path.read_text(), policy.COMMON_MODULES + ("select", "selectors", "socket"))


def test_policy_accepts_a_learners_classes_used_as_classes():
    """A method's first parameter is its own object under ``@property``, its
    ``.setter`` and ``@classmethod`` (the policy trusts no other decorator
    there since the twenty-fifth session: ``@staticmethod def f(self)``
    takes any object as ``self``, ``tests/policy_cheats/a34_*``); and a
    class whose methods read ``self._x`` may be called, subclassed,
    compared, tested, annotated, printed, matched and named
    (``type(self).__name__``), and ``super(Worker, self)`` is ``super()``
    (refused, before, wherever it was followed by ``.__init__``)."""
    policy.check(textwrap.dedent("""
        import logging
        import threading

        log = logging.getLogger(__name__)

        class Counter:
            _made = 0

            def __init__(self):
                self._n = 0

            @property
            def n(self):
                return self._n

            @n.setter
            def n(self, value):
                self._n = value

            @classmethod
            def make(cls):
                cls._made += 1
                return cls()

            def bump(self):
                def inner():
                    self._n += 1
                inner()
                return self._n

        class Worker(threading.Thread):
            def __init__(self, q):
                super(Worker, self).__init__(daemon=True)  # the older spelling
                self._q = q

            def run(self):
                log.info("%s %s", type(self).__name__, self.__class__.__name__)
                if type(self) is Worker and isinstance(self, (Worker, threading.Thread)):
                    self._q.put(Counter.make())

        def start(q, w: Worker) -> Worker:
            workers: list[Worker] = [Worker(q) for _ in range(3)]
            print(Worker, f"{Worker}")
            match w:
                case Worker():
                    return workers[0]
            return w
    """))


def test_policy_reads_names_per_scope_and_accepts_what_a_learner_writes():
    """Refused until the twenty-fourth session's right-answer round: a
    helper's parameter called like a local of another function, a named
    tuple's methods, an exception's ``__class__`` in a log line."""
    policy.check(textwrap.dedent("""
        import collections
        import logging
        import queue
        from dataclasses import dataclass

        log = logging.getLogger(__name__)
        Seen = collections.namedtuple("Seen", "n when")

        @dataclass
        class Stats:
            done: int = 0

        def _handle(n, do, stats):
            do(n)
            stats.done += 1

        def consumer(tasks, stop, do):
            stats = Stats()
            last = Seen(0, 0.0)
            while not stop.is_set():
                try:
                    n = tasks.get(timeout=0.1)
                except queue.Empty:
                    continue
                try:
                    _handle(n, do, stats)
                    stats._last = n
                    last = last._replace(n=n)
                    log.debug("%s", last._asdict())
                except Exception as e:
                    log.warning("%s: %s", e.__class__.__name__, e)
                finally:
                    tasks.task_done()

            def report():
                return stats._last
            return report
    """))


# ---------------------------------------------------------------- one line, never a traceback

def cli(*args):
    return subprocess.run([sys.executable, "-m", "labs", "practice", *args],
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("text,status,message", [
    ("import os\nos._exit(1)\ndef worker(bank, lock, stop):\n    pass\n", 1,
     "your module ended the process while loading: exit status 1"),
    ("import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n"
     "def worker(bank, lock, stop):\n    pass\n", 1, "killed by SIGKILL"),
    ("x = " + "(" * 200_000 + ")" * 200_000 + "\n", 2, "nested"),
    ("x = " + "-" * 200_000 + "1\n", 2, "too deeply nested"),
    ("def worker(bank, lock, stop):\n    pass\x00\n", 2, "line 2: a NUL byte"),
    ("import labs\ndef worker(bank, lock, stop):\n    pass\n", 2, "line 1: import of labs"),
    # the child runs without site (python -S): exit() is put back, as site defines it
    ("exit(3)\ndef worker(bank, lock, stop):\n    pass\n", 1,
     "loading your code raised SystemExit: 3 (line 1: exit(3))"),
])
def test_answers_that_cannot_run_are_one_line(tmp_path, text, status, message):
    path = tmp_path / "answer.py"
    path.write_bytes(text.encode())
    r = cli("check", "lock-leak/stop-worker", str(path), "--runs", "2")
    assert r.returncode == status, (r.stdout, r.stderr)
    out = r.stderr if status == 2 else r.stdout.split("\n\n")[0]
    assert message in out and "Traceback" not in r.stdout + r.stderr, (r.stdout, r.stderr)
    if status == 2:
        assert len(r.stderr.strip().splitlines()) == 1


def test_static_check_survives_a_deep_expression():
    with pytest.raises(ship.BadAnswer, match="too deeply nested"):
        ship.static_check("x = " + "-" * 100_000 + "1\n", ("worker",), (("bank", "lock", "stop"),))


def test_a_hello_with_an_infinite_thread_id_is_an_anomaly_and_the_dial_lives_on():
    """Found by a hostile review: "tid": Infinity made int() raise OverflowError,
    which killed the grader's dial thread with a traceback."""
    import socket

    from labs.practice import arena as arena_mod
    a = arena_mod.Arena()
    try:
        for hello in (b'{"thread": "x", "tid": Infinity}', b'{"thread": "y", "tid": 7}'):
            mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
            socket.send_fds(a.child_end, [hello], [theirs.fileno()])
            theirs.close()
        assert a.wait_for(lambda: a.anomalies and a.conns, 5.0)
        assert [t for _, t in a.anomalies] == ["garbage on the grader's channel: not a connection's hello"]
        assert [c.name for c in a.conns] == ["y"]
    finally:
        a.close()


def test_without_the_policy_a_process_that_will_not_end_fails():
    """From a hostile review: os._exit replaced, so the child never ended
    after its last run, and the check said PASS 20 s later."""
    r = _unchecked("lock-leak/stop-worker", """
        import os
        import time

        def _stay(code):
            time.sleep(1000)

        os._exit = _stay

        def worker(bank, lock, stop):
            while not stop.is_set():
                with lock:
                    bank.debit("alice", 10)
                    bank.credit("bob", 10)
    """, runs=2)
    assert not r.passed and "kept the process from ending" in (r.fatal or ""), r.text()


# ---------------------------------------------------------------- signal-target

def test_stops_is_a_read_only_mapping_that_reads_like_a_dict():
    from labs.practice.wire import Stops
    stops = Stops({"worker-1": 1, "worker-10": 10})
    assert "worker-1" in stops and "worker-2" not in stops
    assert stops["worker-10"] == 10 and stops.get("nobody") is None and stops.get("x", 3) == 3
    assert list(stops) == ["worker-1", "worker-10"] and len(stops) == 2
    assert dict(stops.items()) == {"worker-1": 1, "worker-10": 10}
    assert list(stops.keys()) == ["worker-1", "worker-10"] and list(stops.values()) == [1, 10]
    with pytest.raises(KeyError, match="nobody"):
        stops["nobody"]
    for change in (lambda: stops.pop("worker-1"), lambda: stops.__setitem__("x", 1),
                   lambda: stops.__delitem__("worker-1"), stops.clear, stops.popitem,
                   lambda: stops.update({}), lambda: stops.setdefault("x", 1)):
        with pytest.raises(TypeError, match="stops is read-only"):
            change()
    assert dict(stops.items()) == {"worker-1": 1, "worker-10": 10}


def test_sigterm_is_sent_by_the_grader_at_its_moments():
    """midway runs aim SIGTERM at a thread other than the main thread (the
    kernel shows the main thread blocked on a look at a worker first); the
    others send it to the process."""
    ex = exercises.get("signal-target/sigterm")
    r = engine.Session(ex, ex.reference().read_text(), len(ex.modes)).run()
    assert r.passed, r.text()
    to = {run.mode: run.facts["signal_to"] for run in r.runs}
    assert to == {"midway": "another thread than the main thread", "before-first": "the process",
                  "late": "the process", "midway-5": "another thread than the main thread"}
    assert all(run.facts["stop"] == "after" for run in r.runs)


def test_sigterms_ledger_shows_a_loop_of_looks_that_a_share_of_time_misses():
    """A main thread that spins 2 ms on is_alive() between 10 ms naps was
    told waiting 77 to 95% of the time (the line is 90%): a gap until the
    twentieth session. The ledger shows its looks at one worker in a row,
    with no wait between them; a right answer that looks at the stop twice
    between its naps has no such loop."""
    from labs.practice import ex_signal_target
    ex = exercises.get("signal-target/sigterm")
    spin = _answer(ex.id, "wrong_spin_2ms_nap_10ms")
    late = next(run for run in _unchecked(ex.id, spin).runs if run.mode == "late")
    assert late.facts["looped"] and late.facts["looped"].startswith("is_alive() of worker-1 ")
    looks = int(late.facts["looped"].split()[3])
    assert looks >= ex_signal_target.LOOPED, late.facts["looped"]
    r = _unchecked(ex.id, """
        import signal, threading, time
        def run(start_workers):
            stop = threading.Event()
            signal.signal(signal.SIGTERM, lambda s, f: stop.set())
            workers = start_workers(stop)
            while not stop.is_set():
                time.sleep(0.05)
                if stop.is_set():
                    break
            for t in workers:
                while t.is_alive():
                    t.join(0.1)
    """)
    assert r.passed, r.failures()
    assert all(run.facts.get("looped") is None and run.facts.get("looped_after") is None
               for run in r.runs)


def test_sigterms_watch_reads_its_rounds_of_looks_in_the_ledger_not_in_samples():
    """The late run's watch counts the main thread's looks since its last
    long wait (a round: one per worker and LOOKS_FREE more, not counted)
    from the ledger, not from the kernel's samples: a sampler starved
    through a whole 50 ms nap, under load, made a right answer's next round
    a loop of looks (76% waiting, 1 loaded grading of 24, thirty-fourth
    session). A look in progress is read once it has ended."""
    from types import SimpleNamespace as NS

    from labs.practice.ex_signal_target import LOOKS_FREE, MainWatch
    workers = [NS(id=f"w{i}", ended_at=None) for i in range(4)]
    start = NS(id="stop", workers=workers, main_tid=1)
    ledger = []
    rep = NS(arena=NS(ledger=ledger), first=0)
    watch = MainWatch(rep, start, lambda: True)

    def call(obj, op, args=(), value=True, kind="Thread", tid=1, ended=True):
        r = NS(seq=len(ledger) + 1, tid=tid, obj=obj, op=op, kind=kind, args=list(args),
               result=("ok", value) if ended else None, value=value)
        ledger.append(r)
        return r

    def in_a_row() -> int:
        watch._read_ledger()
        return watch.looks - watch.rested_at
    for _ in range(3):  # the right answer: four looks, then a 50 ms nap
        for w in workers:
            call(w.id, "is_alive")
        assert in_a_row() == 4
        call("clock", "sleep", (0.05,), None, kind="Nap")
        assert in_a_row() == 0
    call("stop", "wait", (0.1,), False)  # a timed wait that waited: a round ends
    call(workers[0].id, "is_alive", tid=2)  # another thread's look: not the main thread's
    assert in_a_row() == 0
    call("stop", "wait", (0.1,), True)  # returned at once (the stop set): no wait
    call("clock", "sleep", (0.005,), None, kind="Nap")  # shorter than NAP_S: no wait
    assert in_a_row() == 1
    pending = call(workers[1].id, "join", (0.1,), None, ended=False)
    assert in_a_row() == 1  # in progress: not read yet
    pending.result = ("ok", None)
    assert in_a_row() == 0  # a timed join of a live worker waited
    for _ in range(LOOKS_FREE + len(workers) + 1):  # a spinner: looks, never a wait
        call("stop", "is_set", (), False)
    assert in_a_row() > LOOKS_FREE + len(workers)


def test_without_the_policy_a_forged_stop_is_only_an_operation():
    """A stop reported through the wire without the Event (the watcher's
    report forged) counts as the learner's stop, at the moment it came:
    before any SIGTERM, it fails."""
    r = _unchecked("signal-target/sigterm", """
        import signal, threading
        def run(start_workers):
            stop = threading.Event()
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            workers = start_workers(stop)
            start_workers._call("stop")  # the watcher's report, from the proxy's closure
            for t in workers:
                while t.is_alive():
                    t.join(0.1)
    """)
    assert not r.passed
    assert any("before any SIGTERM was sent" in x for x in r.failures()), r.failures()


LUCKY_SEED = 47  # its late run held SIGTERM back 0.6 to 0.7 s: a guess of 0.8 s landed


@pytest.mark.parametrize("what", ["cheat_guess_timer", "cheat_guess_main_loop"])
def test_a_guess_that_lands_in_the_window_still_fails(what):
    """A do-nothing handler and a stop set at a guessed moment (a timer
    thread's, or the main thread's own loop), replayed on an order seed
    whose late run's quiet period puts the guess within the 250 ms after
    SIGTERM that the grader's timing rule allowed: timing alone passed it
    (4 and 3 gradings of 40 at 10 runs). The grader sees which thread set the
    stop, and whether it was set inside the call the main thread was in when
    SIGTERM came. (Since the tenth session the main loop's guess, timed on
    time.monotonic(), fires inside the quiet period instead: a minute passes
    there on the learner's clock; since the twelfth session the quiet period
    lasts 1.5 s every time, and the timer's guess, threading on the check's
    clock, fires in that minute too.)"""
    ex = exercises.get("signal-target/sigterm")
    path = next(p for p in ex.cheats() if p.stem.endswith(what))
    r = grade.grade(ex.id, path.read_text(), runs=len(ex.modes), order_seed=LUCKY_SEED,
                    python=CHILD_PYTHON)
    late = next(run for run in r.runs if run.mode == "late")
    # the quiet period runs a minute on the learner's clock (tenth session), and
    # threading's waits follow it (twelfth): a guess fires in it, before SIGTERM
    assert late.facts["stop"] == "before", late.facts
    assert not r.passed
    assert any(expected_message(path) in x for x in r.failures()), r.failures()


def test_the_fast_clock_drives_timed_joins_and_lock_acquires():
    """stop-one's quiet period: a timed join of a thread that runs on, and a
    timed acquire of a lock of the learner's (Lock, RLock), pass at once, as a
    sleep does: an idle timeout counted in them sees the quiet period's minute.
    The locks still lock, and a Condition on them still waits and wakes."""
    code = textwrap.dedent("""
        import threading, time
        from labs.practice import wire
        real_now = time.monotonic  # the real clock, taken before the install skews it
        clock = wire.Clock()
        clock.install(time, threading)
        clock.heard({"fast": True})
        t0 = real_now()
        lock, rlock = threading.Lock(), threading.RLock()
        lock.acquire()
        never = threading.Event()
        t = threading.Thread(target=never.wait)
        t.start()
        held = threading.Thread(target=rlock.acquire)
        held.start()
        held.join()
        got = (lock.acquire(timeout=5), rlock.acquire(timeout=5), t.join(5), t.is_alive())
        took = real_now() - t0
        clock.heard({})  # the fast period ends: real waits again
        never.set()
        t.join()
        cv = threading.Condition(threading.Lock())
        with cv:
            woke = cv.wait(0.01)
        print(got, clock.skew > 14.9, took < 10, lock.locked(), woke)  # real clock: 15 s
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60)
    assert out.stdout.split() == ["(False,", "False,", "None,", "True)", "True", "True",
                                  "True", "False"], out.stdout + out.stderr


def test_a_pause_runs_timed_waits_of_the_learners_own_are_told_as_they_begin():
    """In an exercise with pause runs (stop-worker, consumer), each timed
    wait of the learner's own is told to the grader as it begins
    (wire.Clock.own_wait), whatever waits: a Condition (an Event), a join, a
    lock's acquire (Lock, RLock), a SimpleQueue's get. An untimed wait, a
    non-blocking acquire, a wait that raises its own error, and waits that
    wait for nothing (the join of a thread that has ended, the timed acquire
    of a free lock) are not; the locks still lock. Until the thirty-third session only the Condition waits
    were told, and a 1 ms SimpleQueue.get between a worker's look and its
    transfer passed 1 grading of stop-worker in 8 under load."""
    code = textwrap.dedent("""
        import queue, threading, time
        from labs.practice import wire
        clock = wire.Clock()
        clock.install(time, None, own_locks=True)
        told = []
        clock.own_wait = told.append
        lock, rlock = threading.Lock(), threading.RLock()
        lock.acquire()
        held = threading.Thread(target=rlock.acquire)
        held.start()
        held.join()
        threading.Event().wait(0.001)
        parked = threading.Event()
        waiter = threading.Thread(target=parked.wait)
        waiter.start()
        got = [lock.acquire(timeout=0.002), rlock.acquire(timeout=0.003),
               lock.acquire(False), waiter.join(0.004)]
        parked.set()
        waiter.join()
        held.join(0.5)  # ended: waits for nothing, not told
        free = threading.Lock()
        got.append(free.acquire(timeout=0.5))  # free: taken at once, not told
        free.release()
        try:
            queue.SimpleQueue().get(timeout=0.005)
        except queue.Empty:
            got.append("Empty")
        try:
            lock.acquire(False, 1)
        except ValueError:
            got.append("ValueError")
        lock.release()
        with lock:
            got.append(lock.locked())
        print(told, got)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60)
    assert out.stdout.strip() == ("[0.001, 0.002, 0.003, 0.004, 0.005] "
                                  "[False, False, False, None, True, 'Empty', 'ValueError', True]"
                                  ), out.stdout + out.stderr


def test_a_notify_that_races_a_slice_of_a_timed_wait_is_not_lost():
    """A timed Condition.wait of the learner's waits in slices (wire.Clock,
    so that it follows the check's clock). A notify that comes as a slice
    times out must still end the wait: the waiter was blocked on the
    Condition's lock (held here) when it came. Until the sixteenth session it
    was lost, and a cancelled threading.Timer ran on to its deadline (a
    consumer's timer.join() then held up a schedule's run for 3 s)."""
    code = textwrap.dedent("""
        import os, threading, time
        from labs.practice import wire
        from labs.child import procfs
        clock = wire.Clock()
        clock.install(time, threading)
        ev, got = threading.Event(), []
        t = threading.Thread(target=lambda: got.append(ev.wait(3)))
        t.start()
        while not ev._cond._waiters:  # the waiter is in a slice
            time.sleep(0.001)
        with ev._cond:  # the Condition's lock: a slice that times out waits for it
            tid, end = t.native_id, time.monotonic() + 1.0
            # (a waiter whose slices keep one waiter never blocks on it: then 1 s)
            while time.monotonic() < end and not (
                    procfs.in_wait(os.getpid(), tid)
                    and procfs.timed_wait(os.getpid(), tid) is None):
                time.sleep(0.001)
            ev._flag = True  # Event.set(), inside the lock held
            ev._cond.notify_all()
        t.join()
        print(got)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60)
    assert out.stdout.split() == ["[True]"], out.stdout + out.stderr


def test_a_nap_after_a_true_the_check_owes_passes_on_the_learners_clock():
    """A thread of the check's that is slow to end says True at its first
    look (AliveCredit): the learner's nap that follows, up to the credit's
    cap, passes at once and moves the learner's clocks on by its length
    (AliveNap); a nap after the next look is the learner's own again. Until
    the twentieth session such naps took real time: 1 s naps between looks
    made a right shutdown 16 s a check of 4 runs, a right sigterm 19 s."""
    from types import SimpleNamespace

    from labs.practice import arena
    held = []
    credit = arena.AliveCredit(held.append, 1.0)
    nap = arena.AliveNap(arena.SlowEnd(), credit)
    rec = SimpleNamespace(tid=7)
    assert not credit.owed(rec)
    credit.said_alive(rec)
    assert credit.owed(rec) and not credit.owed(SimpleNamespace(tid=8))
    reply = nap.op_sleep(rec, 0.75)
    assert isinstance(reply, arena.OnFastClock) and reply.skew == 0.75 and not reply.fast
    credit.looks(rec)  # the next look: the wait since the True is credited, and it ends
    assert not credit.owed(rec) and len(held) == 1 and held[0] < 1.0


def test_a_fast_period_passes_each_threads_own_hour():
    """In a fast period a thread's own sleeps pass at once, up to FAST_S of
    them: each thread's, not the process's. A heartbeat thread that spent its
    hour must not make the main thread's naps real again (sigterm's slow
    worker then ran 15 s of real naps: a right answer failed every grading,
    until the seventeenth session)."""
    clock = wire.Clock()
    clock.heard({"fast": True})
    spent = []
    t = threading.Thread(target=lambda: spent.append(
        sum(1 for _ in range(10) if clock.slept(clock.FAST_S / 4))))
    t.start()
    t.join()
    assert spent == [4]  # the heartbeat: four quarters of its hour, then real
    assert clock.slept(clock.FAST_S / 2)  # the main thread's own hour is whole
    clock.heard({})  # any other reply ends the period
    assert not clock.slept(0.05)


def test_a_thread_started_in_a_fast_period_by_one_that_never_heard_follows_the_clock():
    """A threading.Timer that starts the next, in a child's installed clock:
    the first Timer, started by a thread that heard of the fast period,
    passes its wait at once; the one it starts (by a thread that never
    heard) follows the clock and never moves it. Until the twentieth
    session each had an hour of its own: a chain ran away (hundreds of
    threads, "can't start new thread")."""
    code = textwrap.dedent("""
        import threading, time
        from labs.practice import wire
        clock = wire.Clock()
        clock.install(time, threading)
        clock.heard({"fast": True})  # a reply to this thread: the period is on
        seen = []
        def second():
            seen.append(clock.slept(0.1))
        def first():
            seen.append(clock.slept(0.1))
            t = threading.Thread(target=second)
            t.start()
            t.join()
        t = threading.Thread(target=first)
        t.start()
        t.join()
        print(seen, round(clock.skew, 3))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60)
    assert out.stdout.split() == ["[True,", "False]", "0.1"], out.stdout + out.stderr


def test_the_real_time_interval_timer_moves_on_with_the_checks_clock():
    """signal.alarm and setitimer(ITIMER_REAL) are the kernel's, in real
    time: in a child's installed clock, a jump of the clock takes as much
    off what is left of the timer (getitimer reads the learner's clock),
    and a jump past its end fires it at once, its handler able to call
    the check's objects (the clock's locks are reentrant). Until the
    twenty-first session an alarm(2) watchdog, and an idle timeout read
    from getitimer, outlasted every quiet period (tests/gaps)."""
    code = textwrap.dedent("""
        import signal, threading, time
        from labs.practice import wire
        clock = wire.Clock()
        clock.install(time, threading)
        fired = []
        def on_alarm(signum, frame):
            clock.heard({"skew": 1.0})  # a reply to a call the handler made
            fired.append(signum)
        signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, 10.0)
        clock.heard({"skew": 4.0})
        left = signal.getitimer(signal.ITIMER_REAL)[0]
        print(5.0 < left <= 6.0)
        clock.heard({"skew": 7.0})
        t0 = time.perf_counter()
        while not fired and time.perf_counter() < t0 + 2:  # (at once: a microsecond)
            pass
        print(fired == [signal.SIGALRM], signal.getitimer(signal.ITIMER_REAL)[0] == 0.0)
        print(signal.alarm(3) == 0, clock.heard({"skew": 2.0}) is None,
              0 < signal.getitimer(signal.ITIMER_REAL)[0] <= 1.0)
        signal.alarm(0)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60)
    assert out.stdout.split() == ["True"] * 6, out.stdout + out.stderr


def test_a_consumers_quiet_period_passes_in_strides_after_its_first_waits():
    """lost-task/consumer's quiet periods: a consumer's first QUIET_FINE
    timed waits pass their own timeout, then each at least a tenth of what
    passed before it. Ten seconds of 10 ms naps were 1,000 waits, each an
    operation through the explorer's gate (22 s a check of a right answer,
    until the nineteenth session)."""
    from labs.practice import arena, ex_lost_task
    clock = arena.FastClock(fine=ex_lost_task.QUIET_FINE)
    clock.start({"consumer-1": ex_lost_task.QUIET_FAST_S})
    skews = []
    while clock.now("consumer-1"):
        skews.append(clock.timed("consumer-1", 0.01)["skew"])
    assert skews[:ex_lost_task.QUIET_FINE] == [0.01] * ex_lost_task.QUIET_FINE
    assert sum(skews) >= ex_lost_task.QUIET_FAST_S
    assert len(skews) < 200


def test_a_consumer_that_naps_10ms_passes_the_trickle_run_within_its_budget():
    """The trickle run (four quiet periods) of a right consumer that naps
    10 ms on its stop: 19,800 choices of the explorer's, about 14 s, at the
    edge of the run's budget (3 s plus 8 s the grader held) even unloaded
    (it passed or ran out), until the nineteenth session."""
    ex = exercises.get("lost-task/consumer")
    path = next(p for p in ex.right_answers() if p.stem.endswith("right_stop_wait_10ms"))
    r = grade.grade(ex.id, path.read_text(), schedule="trickle:", python=CHILD_PYTHON)
    assert r.passed, r.failures()
    assert r.runs[0].explored["choices"] < 6000  # about 3,400 (19,800 before)


# ---------------------------------------------------------------- blocking-io

def _answer(ex_id, what):
    ex = exercises.get(ex_id)
    return next(p for p in ex.wrong_answers() if p.stem.endswith(what)).read_text()


def test_idle_wake_ups_are_counted_at_the_pace_the_code_asked_for():
    """A poller slowed by a loaded machine wakes less often per second as it
    passes: the time its thread (and the grader's serving it) waited for a
    CPU is taken out (a 5 ms poller passed 1 grading in 6 beside 6 spinners,
    thirtieth session), but never more than three quarters of the window."""
    from labs.practice.idle import idle_rates
    before = {"switches": 0, "cpu_ns": 0, "tids": {1}, "process_cpu_s": 0.0, "t": 0.0}
    after = dict(before, switches=100, t=0.25)
    assert idle_rates(before, after)["wakeups_per_s"] == 400
    assert idle_rates(before, after, paced=0.125)["wakeups_per_s"] == 800
    assert idle_rates(before, after, paced=1.0)["wakeups_per_s"] == 1600
    # the time all the threads waited, overlapping, is not taken out
    assert idle_rates(before, after, queued=0.125)["wakeups_per_s"] == 400


def test_a_timeout_quoted_in_the_source_is_never_called_missing():
    """Issue 17: "a call without a timeout" was said of code that quotes
    jobs.get(timeout=0.05). The ledger says which get() had none."""
    r = grade.grade("blocking-io/timeout-consumer",
                    _answer("blocking-io/timeout-consumer", "never_looks"), runs=4)
    assert not r.passed
    text = " ".join(r.failures()) + r.text()
    assert "no timeout" not in text and "without a timeout" not in text, r.failures()
    assert any("never looked at stop" in x for x in r.failures()), r.failures()


def test_an_untimed_get_is_named_from_the_ledger_even_when_it_returns():
    r = _unchecked("blocking-io/timeout-consumer", """
        import queue
        def consumer(jobs, stop, done):
            while not stop.is_set():
                try:
                    job = jobs.get(True, None) if jobs.qsize() else jobs.get(timeout=0.05)
                except queue.Empty:
                    continue
                done(job)
    """, runs=2)
    assert any("a get() that blocks with no timeout" in x for x in r.failures()), r.failures()


def test_the_reader_value_and_stop_are_the_graders():
    """The stop's time is the grader's, not the learner's: a reader that
    returns at once what it has fails, whatever it returns."""
    r = _unchecked("blocking-io/wakeup-reader", """
        def reader(sock, wake):
            return b""
    """, runs=2)
    assert not r.passed
    assert any("returned before the stop was requested" in x for x in r.failures()), r.failures()


@pytest.mark.parametrize("ex_id", ["blocking-io/wakeup-reader", "blocking-io/timeout-consumer"])
def test_nothing_of_a_blocking_io_check_outlives_it(ex_id):
    """The grader's sockets (the far ends, the learner's ends sent into the
    child) and its threads are gone after the check; so is the child."""
    def fds():
        out = {}
        for fd in os.listdir("/proc/self/fd"):
            try:
                out[fd] = os.readlink(f"/proc/self/fd/{fd}")
            except OSError:
                pass  # the listing's own descriptor, closed by now
        return out

    def children():
        return set(engine.descendants(os.getpid()))

    def graders():
        return {t.name for t in threading.enumerate() if t.name.startswith("grader")}
    ex = exercises.get(ex_id)
    before_fds, before_children, before_threads = fds(), children(), graders()
    for path in (ex.reference(), ex.wrong_answers()[0]):
        grade.grade(ex_id, path.read_text(), runs=len(ex.modes))
    assert children() <= before_children
    assert graders() <= before_threads
    after = fds()
    assert after.items() <= before_fds.items(), sorted(after.items() - before_fds.items())


@pytest.mark.parametrize("ex", PORTED, ids=lambda ex: ex.id)
def test_the_runs_come_in_a_random_order_that_replays_from_its_seed(ex):
    """An answer that counts its calls cannot know a run's mode: the same
    modes as the fixed cycle, as many times, in an order drawn from the
    grading's seed; no run keeps the cycle's mode when no mode fills half
    the runs; each run keeps its number in the cycle."""
    cycle = [ex.modes[i % len(ex.modes)] for i in range(10)]
    orders = {tuple(engine.order(ex, 10, seed)) for seed in range(20)}
    assert len(orders) > 1
    for o in orders:
        assert sorted(m for _, m in o) == sorted(cycle)
        assert sorted(n for n, _ in o) == list(range(1, 11))
        assert all(cycle[n - 1] == m for n, m in o)
        if 2 * max(cycle.count(m) for m in cycle) < 10:
            assert all(m != c for (_, m), c in zip(o, cycle))
        modes = [m for _, m in o]
        for later, earlier in ex.runs_after:
            assert modes.index(later) > modes.index(earlier)
    assert engine.order(ex, 10, 7) == engine.order(ex, 10, 7)


def test_an_answer_runs_in_its_own_order_under_one_key(monkeypatch, tmp_path):
    """With no seed given, a grading's order seed is a keyed hash of the
    exercise and the code: the same file, the same order (so an answer that
    misbehaves in some calls only gets one verdict, not a pass in some
    gradings and a fail in others); another file or another key, another."""
    monkeypatch.delenv(engine.ORDER_SEED_ENV, raising=False)
    monkeypatch.setenv(engine.ORDER_KEY_ENV, "class-key")
    a = engine.new_seed("lost-task/consumer", "def consumer(tasks, do, stop):\n    pass\n")
    assert a == engine.new_seed("lost-task/consumer", "def consumer(tasks, do, stop):\n    pass\n")
    assert 1 <= a < engine.SEED_MAX
    assert a != engine.new_seed("lost-task/consumer", "def consumer(tasks, do, stop):\n    return\n")
    assert a != engine.new_seed("lost-task/shutdown", "def consumer(tasks, do, stop):\n    pass\n")
    monkeypatch.setenv(engine.ORDER_KEY_ENV, "another-key")
    assert a != engine.new_seed("lost-task/consumer", "def consumer(tasks, do, stop):\n    pass\n")
    monkeypatch.setenv(engine.ORDER_SEED_ENV, "7")  # a notebook's stored outputs: one order
    assert engine.new_seed("lost-task/consumer", "") == 7


def test_the_order_key_is_made_once_per_user_and_kept_private(monkeypatch, tmp_path):
    """Without $LABS_ORDER_KEY, the key is made at random on first use, in
    the user's configuration directory, readable by that user only, and
    read back after; where it cannot be made, each grading draws its own."""
    monkeypatch.delenv(engine.ORDER_KEY_ENV, raising=False)
    monkeypatch.delenv(engine.ORDER_SEED_ENV, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    key = engine.order_key()
    path = tmp_path / engine.ORDER_KEY_FILE
    assert key and path.read_bytes().strip() == key
    assert path.stat().st_mode & 0o077 == 0
    assert [p.name for p in path.parent.iterdir()] == ["order-key"]  # no temporary left
    assert engine.order_key() == key
    assert engine.new_seed("x", "y") == engine.new_seed("x", "y")
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocked))  # no directory can be made there
    assert engine.order_key() is None
    assert 1 <= engine.new_seed("x", "y") < engine.SEED_MAX


def test_stop_ones_push_of_the_clocks_waits_for_no_rest_a_spinner_never_takes(monkeypatch):
    """A command, or a lull's end, pushes control's clocks a minute on
    (Rep.push_clock) when control is not in a ``get()``, once its process
    rests; a loop that looks at ``commands`` again and again never rests,
    and its pushes go out once control has looked SPIN_LOOKS times (or used
    SPIN_CPU_S of CPU) since: each waited 1 s for a rest, and a ``get_nowait()`` spinner's check took a minute
    (thirty-fourth session). A control that naps 1 s between looks is
    pushed at rest, and passes."""
    pushes = []
    push_clock = engine.Rep.push_clock

    def counted(rep, seconds, restless=None):
        said = []

        def told() -> bool:
            said.append(restless())
            return said[-1]
        out = push_clock(rep, seconds, restless=told if restless else None)
        pushes.append((rep.mode, bool(said and said[-1]), out))
        return out
    monkeypatch.setattr(engine.Rep, "push_clock", counted)
    ex = exercises.get("signal-target/stop-one")
    spin = _unchecked(ex.id, _answer(ex.id, "wrong_spin_nowait"), runs=len(ex.modes))
    assert not spin.passed and len(spin.runs) == len(ex.modes)
    assert any("waits while no command comes: 2" in x for x in spin.failures()), spin.failures()
    # (most pushes cut short: a spinner whose look waits on the grader can read as
    # at rest now and then, and that push goes out at rest)
    assert 2 * sum(restive for _, restive, _ in pushes) > len(pushes), pushes
    pushes.clear()
    napper = _unchecked(ex.id, (exercises.ANSWERS / f"{ex.slug}__right_sleep_poll_1s.py")
                        .read_text(), runs=len(ex.modes))
    assert napper.passed, napper.failures()
    assert len(pushes) >= len(ex.modes) and not any(restive for _, restive, _ in pushes), pushes


def test_the_order_seed_is_shown_and_replays_the_grading():
    ex = exercises.get("signal-target/stop-one")
    r = grade.grade(ex.id, ex.reference().read_text(), runs=2, python=CHILD_PYTHON,
                    order_seed=4242)
    assert r.passed and "(order seed 4242)" in r.summary()
    assert r.to_json()["order_seed"] == 4242


def test_a_bug_of_the_graders_own_is_one_line_and_fails_the_grading():
    """An exception in the grader's own code (a scenario, a check) ends the
    grading with one line naming it as the grader's, not a traceback, and
    never a pass (twelfth hostile reading: a string sentinel crashed
    lost-task/shutdown's fates(), sorting "STOP" beside 0 to 11)."""
    ex = exercises.get("lost-task/shutdown")
    scenario = ex.scenario

    def broken(rep):
        facts = scenario(rep)
        sorted([1, "STOP"])  # the bug fates() had
        return facts
    object.__setattr__(ex, "scenario", broken)  # (the Exercise is frozen)
    try:
        r = grade.grade(ex.id, ex.reference().read_text(), runs=2, python=CHILD_PYTHON)
    finally:
        object.__setattr__(ex, "scenario", scenario)
    assert not r.passed
    line = r.failures()[-1]
    assert line.startswith("the check itself failed in run ") and "a bug of the grader's: " \
        "TypeError: '<' not supported" in line and "\n" not in line, line
    assert r.hints()[0].startswith("The check itself failed")
