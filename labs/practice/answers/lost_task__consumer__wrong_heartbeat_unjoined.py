# expect: nothing left behind: thread(s) still running after your function returned
# (eleventh hostile reading, seventeenth session; passed every grading until then: a learner's
# thread now ends only once joined or looked at, wire.hold_ends)
# WRONG: runs a heartbeat thread (logs progress every 0.5 s) that it signals to stop on return but
# never joins, so a thread of its own can be left running after the consumer returns.
import logging
import queue
import threading

log = logging.getLogger(__name__)


def consumer(tasks, stop, do):
    quit_beat = threading.Event()
    count = [0]

    def beat():
        while not quit_beat.wait(0.5):
            log.debug("consumer alive, %d tasks done", count[0])

    threading.Thread(target=beat, daemon=True).start()
    try:
        while not stop.is_set():
            try:
                n = tasks.get(timeout=0.1)
            except queue.Empty:
                continue
            try:
                if n is None:
                    return
                do(n)
                count[0] += 1
            finally:
                tasks.task_done()
    finally:
        quit_beat.set()
