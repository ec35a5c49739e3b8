# expect: no polling while idle:
import select


def reader(sock, wake):
    chunks = []
    while True:
        ready, _, _ = select.select([sock, wake], [], [], 0.001)  # wakes 1000 times a second
        if wake in ready:
            return b"".join(chunks)
        if sock in ready:
            data = sock.recv(4096)
            if not data:
                return b"".join(chunks)
            chunks.append(data)
