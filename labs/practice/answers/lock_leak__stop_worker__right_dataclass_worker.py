# lock_leak stop_worker, right (right-answer round, fifteenth session): a @dataclass with
# fields: failed to load until the fifteenth session (the learner's module was not in
# sys.modules, and its annotations were strings)
import logging
import threading
from dataclasses import dataclass, field

log = logging.getLogger(__name__)


@dataclass
class Transferer:
    bank: object
    lock: threading.Lock
    stop: threading.Event
    amount: int = 10
    done: int = field(default=0)

    def one(self) -> None:
        with self.lock:
            self.bank.debit("alice", self.amount)
            self.bank.credit("bob", self.amount)
        self.done += 1

    def run(self) -> int:
        while True:
            if self.stop.is_set():
                log.debug("%s: stop seen after %d transfers",
                          threading.current_thread().name, self.done)
                return self.done
            self.one()


def worker(bank, lock, stop) -> None:
    Transferer(bank, lock, stop).run()


if __name__ == "__main__":
    class _Bank:
        def __init__(self):
            self.money = {"alice": 1000, "bob": 0}

        def debit(self, who, n):
            self.money[who] -= n

        def credit(self, who, n):
            self.money[who] += n

    b, l, s = _Bank(), threading.Lock(), threading.Event()
    t = threading.Thread(target=worker, args=(b, l, s))
    t.start()
    threading.Timer(0.01, s.set).start()
    t.join()
    print(b.money)
