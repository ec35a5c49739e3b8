"""EXPECT: fail
FLAW: Read from the socket `sock` until the peer closes it or until `wake` becomes readable (returns after 0.5 s of silence)

A learner who treats a quiet peer as a finished one.
"""
import select


def reader(sock, wake):
    chunks = []
    while True:
        r, _, _ = select.select([sock, wake], [], [], 0.5)
        if not r or wake in r:
            return b"".join(chunks)
        data = sock.recv(4096)
        if not data:
            return b"".join(chunks)
        chunks.append(data)
