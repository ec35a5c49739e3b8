# expect: it kept reading until the stop: returned during the silence (
import select


def reader(sock, wake):
    chunks = []
    while True:
        r, _, _ = select.select([sock, wake], [], [], 0.5)
        if not r or wake in r:  # half a second of silence taken for a stop
            return b"".join(chunks)
        data = sock.recv(4096)
        if not data:
            return b"".join(chunks)
        chunks.append(data)
