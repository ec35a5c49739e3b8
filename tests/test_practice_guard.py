"""The guard (labs.practice.guard) in a fresh interpreter: what it ends, with
its exit status and one line naming what and where, and the ordinary code it
lets run (logging, named tuples and enums made at run time, a signal
handler). The same hook in a graded check: tests/test_practice_trust.py."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from labs.contract.outcome import PROJECT_ROOT
from labs.practice import guard

RUN = textwrap.dedent("""
    import signal, sys
    from labs.practice import guard
    source = sys.stdin.read()
    guard.hide_frames(signal)
    guard.install(())
    exec(compile(source, guard.LEARNER_FILE, "exec"), {"__name__": "answer"})
""")


def run(source: str, python: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(PROJECT_ROOT))
    return subprocess.run([python or sys.executable, "-c", RUN], input=textwrap.dedent(source),
                          capture_output=True, text=True, timeout=60, env=env)


@pytest.mark.parametrize("source,what", [
    ("import sys\nf = sys._getframe()\n", "took a frame (sys._getframe) at line 2"),
    ("import sys\nsys._current_frames()\n", "sys._current_frames"),
    ("import gc\nx = [1]\ngc.get_referrers(x)\n", "gc.get_referrers) at line 3"),
    ("import gc\ngc.get_objects()\n", "gc.get_objects"),
    ("import sys\nsys.settrace(lambda *a: None)\n", "sys.settrace"),
    ("import sys\nsys.setprofile(lambda *a: None)\n", "sys.setprofile"),
    ("import threading\nthreading.settrace(lambda *a: None)\n"
     "t = threading.Thread(target=print)\nt.start()\nt.join()\n", "sys.settrace"),
    ("import sys\nsys.addaudithook(lambda e, a: None)\n", "added an audit hook"),
    ("import ctypes\n", "ctypes"),
    ("f = open('/proc/self/mem', 'rb')\n", "opened /proc/"),
    ("import os\nos.chdir('/proc/self')\nos.open('mem', os.O_RDONLY)\n", "opened /proc/"),
    ("import os\nfd = os.open('/proc', os.O_RDONLY)\n", "opened /proc"),
    ("try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    f = e.__traceback__.tb_frame\n",
     "read a frame (tb_frame) at line 4"),
    ("def g():\n    yield 1\nf = g().gi_frame\n", "read a frame (gi_frame) at line 3"),
    ("def f():\n    pass\nc = f.__code__.replace(co_name='g')\n", "made a code object"),
    ("import threading\nthreading.Event.set.__code__ = (lambda self: None).__code__\n",
     "rewrote __code__ of an object not its own at line 2"),
    ("import queue\nqueue.Queue.__bases__ = (object,)\n", "rewrote __bases__"),
    ("breakpoint()\n", "called breakpoint()"),
], ids=lambda v: v.splitlines()[-1][:40] if isinstance(v, str) else None)
def test_the_guard_ends_the_process_and_says_what(source, what):
    p = run(source)
    assert p.returncode == guard.STATUS, (p.returncode, p.stderr[-500:])
    line = guard.detail(p.stderr)
    assert line is not None and what in line, p.stderr[-500:]


ORDINARY = textwrap.dedent("""
        import collections, dataclasses, enum, logging, queue, re, signal, os, threading, typing
        logging.basicConfig(level=logging.INFO, stream=__import__("sys").stderr)
        log = logging.getLogger("answer")

        def work():
            log.info("working")  # logging's caller lookup takes a frame
            try:
                {}["missing"]
            except KeyError:
                log.exception("a traceback, printed")  # traceback's walk reads tb_frame
            Point = collections.namedtuple("Point", "x y")  # made at run time
            Colour = enum.Enum("Colour", "RED GREEN")
            Pair = typing.NamedTuple("Pair", [("a", int)])
            Box = dataclasses.make_dataclass("Box", ["v"])
            assert Point(1, 2).x == 1 and Colour.RED.value == 1 and Pair(1).a == 1 and Box(3).v == 3
            q = queue.Queue()
            t = threading.Thread(target=q.put, args=(1,))
            t.start()
            t.join()
            assert q.get(timeout=1) == 1 and re.match("a+", "aa")

        class Counter:
            total = 0

        Counter.total += 1  # a class of its own: any attribute
        seen = []

        def handler(signum, frame):
            seen.append(frame)
        signal.signal(signal.SIGUSR1, handler)
        assert signal.getsignal(signal.SIGUSR1) is handler
        os.kill(os.getpid(), signal.SIGUSR1)
        assert seen == [None], seen  # a handler is handed no frame
        previous = signal.signal(signal.SIGUSR1, signal.SIG_DFL)
        assert previous is handler
        work()
        print("done")
""")


def test_ordinary_code_runs_under_the_guard():
    p = run(ORDINARY)
    assert p.returncode == 0, p.stderr[-2000:]
    assert p.stdout.strip() == "done"
    assert "a traceback, printed" in p.stderr and "KeyError" in p.stderr


def test_a_guard_line_names_nothing_without_its_prefix():
    assert guard.detail("labs-guard: your code took a frame\n") == "your code took a frame"
    assert guard.detail("some other line\n") is None
