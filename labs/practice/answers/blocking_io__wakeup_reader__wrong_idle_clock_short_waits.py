# expect: it kept reading until the stop: returned during the silence (
# wakeup-reader, wrong (fifth hostile reading, eleventh session): waits in 0.3 s steps
# and returns once time.monotonic() says 1.5 s passed with no data: an idle timeout.
import select, time


def reader(sock, wake):
    chunks = []
    last = time.monotonic()
    while True:
        r, _, _ = select.select([sock, wake], [], [], 0.3)
        if wake in r:
            return b"".join(chunks)
        if sock in r:
            data = sock.recv(4096)
            if not data:
                return b"".join(chunks)
            chunks.append(data)
            last = time.monotonic()
        elif time.monotonic() - last > 1.5:
            return b"".join(chunks)
