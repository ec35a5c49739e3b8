"""An otter-grader test file (exception-based format) for lost-task/consumer.

Put it in the assignment's tests/ folder. Otter calls each ``test_case``
function with the names it asks for taken from the learner's notebook
(``consumer``, here); the function ships the learner's code to the sandboxed
checker (`python -m labs practice check`, in a child of its own, within 25 s)
and fails with the checker's report: the measured checks and the first hint.
tests/test_classroom_examples.py runs it on a reference and a wrong answer.
"""
from otter.test_files import test_case

OK_FORMAT = False

name = "lost-task/consumer"
points = 1


@test_case(points=1, hidden=False,
           success_message="lost-task/consumer: every check passed in the sandbox",
           failure_message="lost-task/consumer: read the checks above, then result.hint()")
def test_consumer_never_loses_a_task(consumer):
    from labs.practice.classroom import check_in_subprocess

    assert consumer is not None, "define consumer(tasks, stop, do) in the notebook"
    passed, report = check_in_subprocess("lost-task/consumer", consumer, runs=5, timeout=25)
    assert passed, report
