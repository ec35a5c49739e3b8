# expect: every byte, in order, as bytes: returned a bytearray, not bytes
import select


def reader(sock, wake):
    buf = bytearray()
    while True:
        r, _, _ = select.select([sock, wake], [], [])
        if wake in r:
            return buf
        data = sock.recv(4096)
        if not data:
            return buf
        buf += data
