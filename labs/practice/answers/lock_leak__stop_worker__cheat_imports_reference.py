# expect: import of labs.practice.answers.lock_leak__stop_worker (the grader's own package)
from labs.practice.answers.lock_leak__stop_worker import worker  # noqa: F401
