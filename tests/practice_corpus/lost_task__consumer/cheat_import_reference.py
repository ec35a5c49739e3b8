"""EXPECT: error
ACCEPT: fail
FLAW: the reference answer imported from labs.practice.answers

A learner who saw in the notebook that the solutions are 'in labs/practice/answers/' and
imports the right one.
"""

from labs.practice.answers.lost_task__consumer import consumer  # noqa: F401,F811
