# expect: run() waited for every worker: mailer, indexer, uploader still running
# sigterm, wrong (sixth hostile reading, twelfth session; caught since the thirteenth: midway-5
# names its workers otherwise)
# waits only for threads whose name starts with "worker" (to "skip helper threads"), so any
# worker with another name is never waited for -- violates "Wait until every worker has
# ended".
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    threads = [t for t in start_workers(stop) if t.name.startswith("worker")]
    for t in threads:
        while t.is_alive():
            t.join(0.1)
