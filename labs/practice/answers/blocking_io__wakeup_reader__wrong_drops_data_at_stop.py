# expect: every byte, in order, as bytes: 0 bytes returned, 151 read
# wakeup-reader, wrong (fourth hostile reading, eleventh session): when the socket and
# `wake` are readable in the same wake-up, it reads the data, then returns without it.
import select


def reader(sock, wake):
    out = b""
    while True:
        r, _, _ = select.select([sock, wake], [], [])
        new = out
        if sock in r:
            data = sock.recv(65536)
            if not data:
                return out
            new = out + data
        if wake in r:
            return out  # the bytes just read are lost
        out = new
