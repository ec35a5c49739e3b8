# expect: import of labs.practice.answers.signal_target__sigterm (the grader's own package)
from labs.practice.answers.signal_target__sigterm import run  # noqa: F401
