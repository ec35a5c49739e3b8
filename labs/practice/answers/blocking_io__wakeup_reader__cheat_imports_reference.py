# expect: line 2: import of labs.practice.answers.blocking_io__wakeup_reader (the grader's own package)
from labs.practice.answers.blocking_io__wakeup_reader import reader  # noqa: F401
