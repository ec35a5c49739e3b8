"""Run the source on standard input as a learner's module under the guard, as
the jail does (tests/test_practice_guard.py): the guard's hook, signal handlers
handed no frame, and the code compiled here, in a file, as jail.py compiles it."""
import signal
import sys

from labs.practice import guard

source = sys.stdin.read()
code = compile(source, guard.LEARNER_FILE, "exec")  # (this file is no library's: not after)
guard.hide_frames(signal)
guard.install()
exec(code, {"__name__": "answer"})
