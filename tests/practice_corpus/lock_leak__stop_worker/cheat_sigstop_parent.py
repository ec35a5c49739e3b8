"""EXPECT: fail
ACCEPT: error
FLAW: SIGSTOP of the grader (os.getppid()) while the module loads; a helper of the child's own group sends SIGCONT 8 s later

A learner who freezes the grader so that its deadline cannot end a hang, and the grader
comes back only when the cheat lets it.
"""

import os
import signal
import time

_parent = os.getppid()
if os.fork() == 0:  # stays in the child's process group: the grader's clean-up reaches it
    try:
        time.sleep(8)
        os.kill(_parent, signal.SIGCONT)
    finally:
        os._exit(0)
os.kill(_parent, signal.SIGSTOP)


def worker(bank, lock, stop):
    while True:  # the skeleton: never looks at stop
        with lock:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
