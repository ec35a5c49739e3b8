"""A small dispatcher class with private state, a table of verbs, and logging."""
import logging

log = logging.getLogger(__name__)


class Controller:
    def __init__(self, stops):
        self._stops = stops
        self._running = True
        self._verbs = {"stop": self._stop, "quit": self._quit}

    def _stop(self, arg):
        event = self._stops.get(arg)
        if event is None:
            log.info("no worker named %r", arg)
        else:
            event.set()

    def _quit(self, arg):
        self._running = arg != ""

    def handle(self, line):
        verb, _, arg = line.partition(" ")
        handler = self._verbs.get(verb)
        if handler is not None:
            handler(arg)

    def serve(self, commands):
        while self._running:
            self.handle(commands.get())


def control(commands, stops):
    Controller(stops).serve(commands)
