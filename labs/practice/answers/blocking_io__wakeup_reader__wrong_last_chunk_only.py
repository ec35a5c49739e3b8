# expect: every byte, in order, as bytes: 4096 bytes returned, 44487 read
import select


def reader(sock, wake):
    data = b""
    while True:
        r, _, _ = select.select([sock, wake], [], [])
        if wake in r:
            return data
        chunk = sock.recv(4096)
        if not chunk:
            return data
        data = chunk  # keeps only the last chunk
