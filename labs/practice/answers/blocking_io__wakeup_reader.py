"""Reference solution: blocking-io/wakeup-reader."""
import selectors


def reader(sock, wake):
    chunks = []
    with selectors.DefaultSelector() as sel:
        sel.register(sock, selectors.EVENT_READ)
        sel.register(wake, selectors.EVENT_READ)
        while True:
            for key, _ in sel.select():  # sleeps until data, end of data, or a stop
                if key.fileobj is wake:
                    return b"".join(chunks)
                data = sock.recv(4096)
                if not data:  # the peer closed
                    return b"".join(chunks)
                chunks.append(data)
