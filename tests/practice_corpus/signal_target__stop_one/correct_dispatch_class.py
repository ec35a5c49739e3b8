"""EXPECT: pass

A dispatcher class with a private table of verbs, logging of ignored commands, and a
`__main__` block to try it by hand.
"""
import logging

log = logging.getLogger(__name__)


class _Controller:
    def __init__(self, stops):
        self._stops = stops
        self._running = True
        self._count = 0
        self._verbs = {"stop": self._stop, "quit": self._quit}

    def _stop(self, arg):
        ev = self._stops.get(arg)
        if ev is None:
            log.info("no worker named %r", arg)
        else:
            ev.set()
            self._count += 1

    def _quit(self, arg):
        if arg == "":
            self._running = False
        else:
            log.info("ignored quit with argument %r", arg)

    def handle(self, line):
        verb, _, arg = line.partition(" ")
        fn = self._verbs.get(verb)
        if fn is None:
            log.info("ignored %r", line)
        else:
            fn(arg)
        return self._running


def control(commands, stops):
    c = _Controller(stops)
    while c.handle(commands.get()):
        pass


if __name__ == "__main__":
    import queue
    import threading

    q = queue.Queue()
    s = {"worker-1": threading.Event(), "worker-2": threading.Event()}
    for line in ["hello", "stop worker-2", "stop nobody", "quit"]:
        q.put(line)
    control(q, s)
    print({k: v.is_set() for k, v in s.items()})
