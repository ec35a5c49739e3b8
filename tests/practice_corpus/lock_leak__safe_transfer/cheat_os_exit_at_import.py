"""EXPECT: fail
FLAW: os._exit(0) while the module loads (the process ends with status 0 before any run)

A learner who hopes that a clean exit status is read as success; the grader must say one
line, not a traceback.
"""

import os

os._exit(0)

def transfer(bank, lock, src, dst, amount):
    # wrong on its own: no undo when the credit fails (money vanishes)
    with lock:
        bank.debit(src, amount)
        bank.credit(dst, amount)
