# signal_target sigterm, right (right-answer round, fifteenth session): a @dataclass with
# fields: failed to load until the fifteenth session (the learner's module was not in
# sys.modules, and its annotations were strings)
import signal
import threading
from dataclasses import dataclass, field
from typing import Callable, Iterable, List


@dataclass
class Supervisor:
    start_workers: Callable[[threading.Event], Iterable[threading.Thread]]
    stop: threading.Event = field(default_factory=threading.Event)
    workers: List[threading.Thread] = field(default_factory=list)
    tick: float = 0.2

    def _on_term(self, signum: int, frame) -> None:
        self.stop.set()

    def run(self) -> None:
        old = signal.signal(signal.SIGTERM, self._on_term)
        try:
            self.workers = list(self.start_workers(self.stop))
            for w in self.workers:
                while True:
                    w.join(timeout=self.tick)
                    if not w.is_alive():
                        break
        finally:
            signal.signal(signal.SIGTERM, old)


def run(start_workers):
    Supervisor(start_workers).run()


if __name__ == "__main__":
    import os
    import time

    def start(stop):
        def body():
            while not stop.is_set():
                time.sleep(0.01)
        ts = [threading.Thread(target=body, name=f"w{i}") for i in range(3)]
        for t in ts:
            t.start()
        threading.Timer(0.2, os.kill, (os.getpid(), signal.SIGTERM)).start()
        return ts

    run(start)
    print("done")
