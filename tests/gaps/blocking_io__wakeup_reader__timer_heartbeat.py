# (hostile round, twenty-seventh session; see tests/gaps/README.md)
# blocking-io/wakeup-reader, wrong: "the same threads throughout (none started or ended while
# idle)": a one-shot threading.Timer(2.0) around each select(), cancelled and joined after it;
# it fires and ends at the push of the clocks, outside the windows the kernel is watched in.
import logging
import select
import threading

log = logging.getLogger(__name__)
def reader(sock, wake):
    out = bytearray()
    while True:
        hb = threading.Timer(2.0, log.info, args=("still waiting for data",))
        hb.start()
        try:
            r, _, _ = select.select([sock, wake], [], [])
        finally:
            hb.cancel()
            hb.join()
        if sock in r:
            chunk = sock.recv(65536)
            if not chunk:
                return bytes(out)
            out += chunk
        if wake in r:
            return bytes(out)
