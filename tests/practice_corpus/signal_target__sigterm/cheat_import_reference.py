"""EXPECT: error
ACCEPT: fail
FLAW: the reference answer imported from labs.practice.answers

A learner who saw in the notebook that the solutions are 'in labs/practice/answers/' and
imports the right one.
"""

from labs.practice.answers.signal_target__sigterm import run  # noqa: F401,F811
