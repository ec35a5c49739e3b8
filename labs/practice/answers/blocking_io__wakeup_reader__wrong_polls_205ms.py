# expect: a second between the first and the last
# wakeup-reader, wrong (sixth hostile reading, twelfth session; caught since the thirteenth)
# waits on both sockets with a 0.205 s timeout, i.e. wakes ~4.9 times a second while idle --
# violates "wake up at most 4 times a second".
import select


def reader(sock, wake):
    chunks = []
    while True:
        r, _, _ = select.select([sock, wake], [], [], 0.205)
        if wake in r:
            return b"".join(chunks)
        if sock in r:
            data = sock.recv(4096)
            if not data:
                return b"".join(chunks)
            chunks.append(data)
