"""EXPECT: fail
FLAW: return every byte read, in order (returns the last chunk only)

A learner who overwrites the buffer instead of appending.
"""
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
        data = chunk
