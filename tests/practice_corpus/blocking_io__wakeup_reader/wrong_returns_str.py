"""EXPECT: fail
FLAW: return every byte read, in order (`bytes`) (returns a decoded str)

A learner who decodes "to be helpful".
"""
import select


def reader(sock, wake):
    chunks = []
    while True:
        r, _, _ = select.select([sock, wake], [], [])
        if wake in r:
            break
        data = sock.recv(4096)
        if not data:
            break
        chunks.append(data)
    return b"".join(chunks).decode("latin-1")
