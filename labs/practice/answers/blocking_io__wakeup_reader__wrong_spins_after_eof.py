# expect: after the peer closed: it spins
import select


def reader(sock, wake):
    chunks = []
    while True:
        r, _, _ = select.select([sock, wake], [], [])
        if wake in r:
            return b"".join(chunks)
        data = sock.recv(4096)
        if data:  # b"" (the peer closed) is never a reason to return
            chunks.append(data)
