# expect: ms after the peer closed
# wakeup-reader, wrong (fourth hostile reading, eleventh session): after the peer closes,
# it waits up to 2 s more for a stop on `wake` before it returns.
import select


def reader(sock, wake):
    chunks = []
    while True:
        r, _, _ = select.select([sock, wake], [], [])
        if wake in r:
            return b"".join(chunks)
        data = sock.recv(4096)
        if not data:
            select.select([wake], [], [], 2.0)
            return b"".join(chunks)
        chunks.append(data)
