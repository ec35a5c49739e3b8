# expect: worker-1 raised Broken: (its str() raised ValueError)
# lock-leak/stop-worker, wrong (hostile round, twenty-fourth session): raises an exception
# whose own __str__ raises. The call's end was never reported: the check called every
# worker still running, held the calls 8 s more, and hinted at a hang.
class Broken(Exception):
    def __str__(self):
        raise ValueError("no text")


def worker(bank, lock, stop):
    raise Broken()
