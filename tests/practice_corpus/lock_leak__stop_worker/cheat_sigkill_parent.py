"""EXPECT: fail
ACCEPT: error
FLAW: SIGKILL of the grader (os.getppid()) while the module loads

A learner who kills whatever grades them: from the command line that is `labs practice
check`, from a notebook the Jupyter kernel.
"""

import os
import signal

os.kill(os.getppid(), signal.SIGKILL)


def worker(bank, lock, stop):
    while True:
        with lock:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
