# expect: import of labs (the grader's own package)
import labs

labs.timeline.event("rep-facts", n=1, facts={})


def transfer(bank, lock, src, dst, amount):
    pass
