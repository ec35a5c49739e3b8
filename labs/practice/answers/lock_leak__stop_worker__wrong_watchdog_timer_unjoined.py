# expect: nothing left behind: thread(s) still running after your function returned
# (eleventh hostile reading, seventeenth session; passed every grading until then: a learner's
# thread now ends only once joined or looked at, wire.hold_ends)
# WRONG: arms a threading.Timer watchdog around each transfer and cancels it without joining, so
# timer threads can still be running when the worker returns ("nothing is left running").
import logging
import threading

log = logging.getLogger(__name__)


def worker(bank, lock, stop):
    while not stop.is_set():
        dog = threading.Timer(1.0, log.warning, args=("transfer is slow",))
        dog.start()
        try:
            with lock:
                bank.debit("alice", 10)
                bank.credit("bob", 10)
        finally:
            dog.cancel()
