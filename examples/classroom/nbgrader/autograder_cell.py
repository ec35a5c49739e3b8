# nbgrader autograder test cell for lost-task/consumer (1 point): put it in a
# "Autograder tests" cell (read-only, points: 1) after the learner's solution
# cell, which holds `def consumer(tasks, stop, do):` between
# ### BEGIN SOLUTION and ### END SOLUTION.
#
# nbgrader scores a test cell zero when it outputs an error or anything on
# stderr, and interrupts a cell after 30 s (ExecutePreprocessor.timeout): the
# check runs in a child process with a 25 s bound, and prints one line on
# stdout on a pass. The cell ends with a statement, never an expression
# (nbgrader reads a value shown as the cell's result as a partial grade).
from labs.practice.classroom import check_in_subprocess

passed, report = check_in_subprocess("lost-task/consumer", consumer,  # noqa: F821 (the solution cell)
                                     runs=5, timeout=25)
assert passed, report
print(report.splitlines()[0])
