# expect: import of labs (the grader's own package)
import labs

labs.child.record.event("rep-facts", n=1, facts={})


def transfer(bank, lock, src, dst, amount):
    pass
