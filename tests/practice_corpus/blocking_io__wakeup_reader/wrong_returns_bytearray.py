"""EXPECT: fail
FLAW: return every byte read, in order (`bytes`) (returns a bytearray)

A learner who accumulates in a bytearray and forgets the conversion.
"""
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
