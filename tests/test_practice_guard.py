"""The guard (labs.practice.guard) in a fresh interpreter: what it ends, with
its exit status and one line naming what and where, and the ordinary code it
lets run (logging, named tuples and enums made at run time, a signal
handler). The same hook in a graded check: tests/test_practice_trust.py."""
from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from labs.contract.outcome import PROJECT_ROOT
from labs.practice import guard

RUN = Path(__file__).with_name("guard_run.py")  # the learner's module, as the jail runs it


def run(source: str, python: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(PROJECT_ROOT))
    return subprocess.run([python or sys.executable, str(RUN)], input=textwrap.dedent(source),
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
    ("import os\nos.chdir('/proc/self')\nos.open('mem', os.O_RDONLY)\n", "opened a relative path"),
    ("import os\nfd = os.open('/proc', os.O_RDONLY)\n", "opened /proc"),
    ("try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    f = e.__traceback__.tb_frame\n",
     "read a frame (tb_frame) at line 4"),
    ("def g():\n    yield 1\nf = g().gi_frame\n", "read a frame (gi_frame) at line 3"),
    ("def f():\n    pass\nc = f.__code__.replace(co_name='g')\n",
     "made code at run time (code.__new__)"),
    ("import threading\nthreading.Event.set.__code__ = (lambda self: None).__code__\n",
     "rewrote __code__ of an object not its own at line 2"),
    ("import queue\nqueue.Queue.__bases__ = (object,)\n", "rewrote __bases__"),
    ("breakpoint()\n", "called breakpoint()"),
    # a hostile round, thirtieth session: each got past the guard before
    ("import _imp, threading\ndef setter():\n"  # renamed after a library file
     "    threading.Event.set.__code__ = (lambda self: None).__code__\n"
     "_imp._fix_co_filename(setter.__code__, threading.__file__)\nsetter()\n",
     "rewrote __code__ of an object not its own at line 3"),
    ("import functools, threading\n"  # a library function that writes what it is told
     "functools.update_wrapper(threading.Event.set, lambda self: None, "
     "assigned=('__code__',), updated=())\n", "rewrote __code__ of an object not its own"),
    ("import importlib.util, os, tempfile\n"  # a file of its own, imported
     "p = os.path.join(tempfile.mkdtemp(), 'm.py')\n"
     "with open(p, 'w') as f:\n"
     "    f.write('import threading\\nthreading.Event.set.__code__ = (lambda s: None).__code__\\n')\n"
     "spec = importlib.util.spec_from_file_location('m', p)\n"
     "spec.loader.exec_module(importlib.util.module_from_spec(spec))\n",
     "rewrote __code__ of an object not its own"),
    ("import codeop, os\nc = codeop.compile_command('x = 1', os.__file__, 'exec')\n",
     "made code under a library file's name"),
    ("f = open('/tmp/../etc/hostname')\n", "opened a path through '..'"),
    # a program started has no guard: it could read this process's memory
    ("import os\nos.execv('/bin/true', ['true'])\n", "started a program (os.exec*)"),
    ("import os\nos.system('true')\n", "started a program (os.system)"),
    ("import os\nos.posix_spawn('/bin/true', ['true'], {})\n", "started a program (os.posix_spawn)"),
    ("import subprocess\nsubprocess.run(['true'])\n", "started a program (subprocess)"),
    # a hostile round, twenty-ninth session: each got past the guard's first version
    ("import builtins, sys\nreal = builtins.getattr\n"  # the hook's own lookups, rebound
     "builtins.getattr = lambda o, n, *d: True if n == 'on' else real(o, n, *d)\n"
     "f = sys._getframe()\n", "took a frame (sys._getframe) at line 4"),
    ("import collections\nclass S(str):\n    def __hash__(self):\n        return 0\n"
     "    def __eq__(self, other):\n        return True\n"
     "c = compile('x = 1', S(collections.__file__), 'exec')\n", "made code at run time (compile)"),
    ("import os\nos.chdir('/tmp')\nroot = os.open('/', os.O_RDONLY)\n"  # dir_fd
     "fd = os.open('proc/self/mem', os.O_RDONLY, dir_fd=root)\n", "opened a relative path"),
    ("import enum, sys\nclass E(enum.Enum):\n    A = 1\n"  # enum's own code calls _missing_
     "    _missing_ = staticmethod(sys._getframe)\nE(2)\n", "took a frame (sys._getframe)"),
    ("import _imp, collections, sys\ndef grab():\n    return sys._getframe(1)\n"
     "_imp._fix_co_filename(grab.__code__, collections.__file__)\ngrab()\n",
     "took a frame (sys._getframe) at line 3"),  # (its own line: known by identity)
    ("import marshal\nc = marshal.loads(marshal.dumps(compile.__doc__))\n",
     "made code at run time (marshal.loads)"),
    ("import posixpath\nposixpath._joinrealpath = lambda *a: ('/tmp/x', True)\n"
     "open('/proc/self/maps').read()\n", "opened /proc/"),
    ("f = open('/dev/fd/../maps')\n", "opened a path through '..'"),  # a symlink into /proc
    ("import logging, traceback\ntraceback.print_stack = lambda f=None, **k: None\n"
     "logging.getLogger().warning('x', stack_info=True)\n", "took a frame (sys._getframe)"),
    ("import io, logging, sys, traceback\ntraceback.print_stack = lambda f=None, **k: None\n"
     "class Bad(logging.Handler):\n    def emit(self, record):\n        try:\n"
     "            raise ValueError\n        except ValueError:\n"
     "            self.handleError(record)\n"
     "log = logging.getLogger('t')\nlog.addHandler(Bad())\nlog.propagate = False\n"
     "sys.stderr = io.StringIO()\nlog.error('boom')\n", "read a frame (tb_frame)"),
    ("import traceback\ntry:\n    1 / 0\nexcept ZeroDivisionError as e:\n"  # capture_locals
     "    traceback.StackSummary.extract(traceback.walk_tb(e.__traceback__), "
     "capture_locals=True)\n", "read a frame (tb_frame) at line 5"),
    # a second hostile round: learner code run inside the hook (a key of logging's
    # namespace whose hash collides), trusted code with the learner's globals, a
    # frame generator handed to itertools.islice, code a stdlib function compiled
    ("import logging\nclass Key(str):\n    def __hash__(self):\n"
     "        return hash('traceback')\n    def __eq__(self, other):\n        return False\n"
     "d = vars(logging)\nreal = d.pop('traceback')\nd[Key('twin')] = None\n"
     "d['traceback'] = real\nlogging.getLogger().findCaller()\n",
     "took a frame (sys._getframe)"),
    ("import logging\ncurrentframe = logging.currentframe\n"
     "def find(self, stack_info=False, stacklevel=1):\n    pass\n"
     "find.__code__ = logging.Logger.findCaller.__code__\nfind(logging.getLogger())\n",
     "took a frame (sys._getframe)"),
    ("import itertools, logging, sys\nitertools.islice = lambda it, *a: list(it)\n"
     "sys.tracebacklimit = 10\nlogging.getLogger().findCaller(stack_info=True)\n",
     "took a frame (sys._getframe)"),
    ("import threading, timeit\ntimeit.timeit('threading.Event.set.__code__ = "
     "(lambda self: None).__code__', globals={'threading': threading}, number=1)\n",
     "rewrote __code__ of an object not its own"),
    ("import sys\nsys.modules.pop('ctypes', None)\nimport ctypes\n", "imported ctypes"),
    ("import os\nos.symlink('/tmp', '/tmp/labs-guard-never-made')\n",
     "made a symbolic link (os.symlink) at line 2"),
    ("try:\n    import _interpreters as i\nexcept ImportError:\n"
     "    import _xxsubinterpreters as i\ni.create()\n", "imported _"),
    ("import importlib\nfor name in ('_interpreters', '_xxsubinterpreters'):\n    try:\n"
     "        importlib.import_module(name)\n    except ImportError:\n        pass\n",
     "imported _"),
], ids=lambda v: v.splitlines()[-1][:40] if isinstance(v, str) else None)
def test_the_guard_ends_the_process_and_says_what(source, what):
    p = run(source)
    assert p.returncode == guard.STATUS, (p.returncode, p.stderr[-500:])
    line = guard.detail(p.stderr)
    assert line is not None and what in line, p.stderr[-500:]


ORDINARY = textwrap.dedent("""
        import collections, dataclasses, enum, logging, queue, re, signal, os, threading, typing
        import asyncio, selectors  # loaded now: their own classes change as they load
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
            def boom():  # threading's excepthook prints it: 3.11's C printer parses
                raise RuntimeError("a thread's own error")  # each line shown (compile)
            t = threading.Thread(target=boom)
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
    assert "a thread's own error" in p.stderr


@pytest.mark.skipif(not hasattr(logging, "_is_internal_frame"),
                    reason="logging.findCaller hands frames to _is_internal_frame from 3.11")
def test_the_guard_ends_a_process_whose_logging_hands_frames_out():
    p = run("import logging\nlogging._is_internal_frame = lambda f: False\n"
            "logging.getLogger().findCaller()\n")
    assert p.returncode == guard.STATUS, p.stderr[-500:]
    assert "took a frame (sys._getframe)" in guard.detail(p.stderr)


def test_no_code_of_the_learners_runs_inside_the_guard():
    """The hook calls nothing the learner's code can rebind (a hostile round:
    a rebound os.fsdecode ran inside it, where nothing is judged), and a
    handler installed with _signal's own function gets no frame either."""
    p = run("""
        import _signal, os, sys
        called = []
        os.fsdecode = lambda p: called.append(sys._getframe())
        open(b"/dev/null").close()
        got = []
        _signal.signal(_signal.SIGUSR1, lambda n, f: got.append(f))
        os.kill(os.getpid(), _signal.SIGUSR1)
        print(called, got)
    """)
    assert p.returncode == 0, p.stderr[-500:]
    assert p.stdout.strip() == "[] [None]"


def test_the_runner_describes_a_value_without_running_its_code():
    from labs.practice import jail

    class Liar(bytes):
        @property
        def __class__(self):
            raise RuntimeError("asked")

        def __bytes__(self):
            raise RuntimeError("asked")
    assert jail.describe(Liar(b"ab"))[:2] == ["Liar", 2]
    assert jail.describe(bytearray(b"abc"))[:2] == ["bytearray", 3]
    assert jail.describe(None) == ["NoneType", None]


def test_a_guard_line_names_nothing_without_its_prefix():
    assert guard.detail("labs-guard: your code took a frame\n") == "your code took a frame"
    assert guard.detail("some other line\n") is None
