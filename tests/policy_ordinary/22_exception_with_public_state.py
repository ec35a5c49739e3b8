# an exception class of its own with public state, in a file where a class reads self._x:
# never refused; kept here since the twenty-eighth session's rule on exception classes
# that read self._x must not catch it
class Stopped(Exception):
    def __init__(self, who):
        super().__init__(who)
        self.who = who

    def __str__(self):
        return f"stopped: {self.who}"


def consumer(tasks, stop, do):
    try:
        while not stop.is_set():
            n = tasks.get()
            try:
                if n is None:
                    raise Stopped("none")
                do(n)
            finally:
                tasks.task_done()
    except Stopped as e:
        print(e, type(e) is Stopped)


class Tally:
    def __init__(self):
        self._n = 0

    def add(self):
        self._n += 1
