# expect: line 2: import of labs.practice.answers.blocking_io__timeout_consumer (the grader's own package)
from labs.practice.answers.blocking_io__timeout_consumer import consumer  # noqa: F401
