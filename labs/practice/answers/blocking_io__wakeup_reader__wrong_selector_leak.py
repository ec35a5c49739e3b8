# expect: no file descriptor kept per chunk:
import selectors


def reader(sock, wake):
    chunks = []
    while True:
        sel = selectors.DefaultSelector()  # a new one per chunk, never closed
        sel.register(sock, selectors.EVENT_READ)
        sel.register(wake, selectors.EVENT_READ)
        ready = [key.fileobj for key, _ in sel.select()]
        if wake in ready:
            return b"".join(chunks)
        data = sock.recv(4096)
        if not data:
            return b"".join(chunks)
        chunks.append(data)
