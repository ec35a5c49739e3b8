"""EXPECT: pass

A `selectors` loop over both sockets with no timeout; the selector is closed on the way
out.
"""
import selectors


def reader(sock, wake):
    chunks = []
    with selectors.DefaultSelector() as sel:
        sel.register(sock, selectors.EVENT_READ)
        sel.register(wake, selectors.EVENT_READ)
        while True:
            ready = {key.fileobj for key, _ in sel.select()}
            if wake in ready:
                return b"".join(chunks)
            data = sock.recv(65536)
            if not data:
                return b"".join(chunks)
            chunks.append(data)
