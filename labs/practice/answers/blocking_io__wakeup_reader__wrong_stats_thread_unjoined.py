# expect: nothing left behind: thread(s) still running after your function returned
# (eleventh hostile reading, seventeenth session; passed every grading until then: a learner's
# thread now ends only once joined or looked at, wire.hold_ends)
# WRONG: starts a stats-logger thread (waits on an Event with a 1 s timeout) and on return only
# sets the Event without joining it, so a thread of its own may still be running ("leave no thread
# running").
import logging
import select
import threading

log = logging.getLogger(__name__)


def reader(sock, wake):
    out = []
    finished = threading.Event()

    def stats():
        while not finished.wait(1.0):
            log.debug("read %d bytes so far", sum(map(len, out)))

    threading.Thread(target=stats, daemon=True).start()
    try:
        while True:
            r, _, _ = select.select([sock, wake], [], [])
            if wake in r:
                break
            data = sock.recv(65536)
            if not data:
                break
            out.append(data)
    finally:
        finished.set()
    return b"".join(out)
