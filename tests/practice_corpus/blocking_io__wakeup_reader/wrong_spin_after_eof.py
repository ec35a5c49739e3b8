"""EXPECT: fail
FLAW: Read from the socket `sock` until the peer closes it (EOF is not recognised: spins until the wake-up)

A learner who skips empty reads as "nothing yet".
"""
import select


def reader(sock, wake):
    chunks = []
    while True:
        r, _, _ = select.select([sock, wake], [], [])
        if wake in r:
            return b"".join(chunks)
        data = sock.recv(4096)
        if data:
            chunks.append(data)
