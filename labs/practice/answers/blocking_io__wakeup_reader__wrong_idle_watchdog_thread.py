# expect: it kept reading until the stop: returned during the silence (
# wakeup-reader, wrong (fifth hostile reading, eleventh session): a helper thread watches
# time.monotonic() and wakes the reader after 3 s with no data: an idle timeout.
import selectors, socket, threading, time


def reader(sock, wake):
    r, w = socket.socketpair()
    last = [time.monotonic()]
    done = threading.Event()
    def watchdog():
        while not done.is_set():
            done.wait(0.3)
            if time.monotonic() - last[0] > 3:
                w.send(b"x")
                return
    t = threading.Thread(target=watchdog)
    t.start()
    sel = selectors.DefaultSelector()
    sel.register(sock, selectors.EVENT_READ)
    sel.register(wake, selectors.EVENT_READ)
    sel.register(r, selectors.EVENT_READ)
    chunks = []
    try:
        while True:
            for key, _ in sel.select():
                if key.fileobj is wake or key.fileobj is r:
                    return b"".join(chunks)
            data = sock.recv(4096)
            last[0] = time.monotonic()
            if not data:
                return b"".join(chunks)
            chunks.append(data)
    finally:
        done.set()
        t.join()
        sel.close(); r.close(); w.close()
