"""EXPECT: fail
FLAW: then return (a new selector per loop, never closed: a file descriptor leaked per chunk)

A learner who builds the selector inside the loop and never closes it.
"""
import selectors


def reader(sock, wake):
    chunks = []
    while True:
        sel = selectors.DefaultSelector()
        sel.register(sock, selectors.EVENT_READ)
        sel.register(wake, selectors.EVENT_READ)
        ready = [key.fileobj for key, _ in sel.select()]
        if wake in ready:
            return b"".join(chunks)
        data = sock.recv(4096)
        if not data:
            return b"".join(chunks)
        chunks.append(data)
