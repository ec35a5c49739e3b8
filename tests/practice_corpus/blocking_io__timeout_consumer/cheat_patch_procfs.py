"""EXPECT: error
FLAW: labs.procfs patched so that the kernel's count of wake-ups reads 0

A learner who polls with a 1 ms timeout and hides the wake-ups from the check that
counts them.
"""

from labs import procfs

procfs.context_switches = lambda tid, voluntary_only=False: 0
