# expect: import of labs.practice.answers.signal_target__stop_one (the grader's own package)
from labs.practice.answers.signal_target__stop_one import control  # noqa: F401
