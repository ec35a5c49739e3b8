# expect: every byte, in order, as bytes:
# wakeup-reader, wrong (tenth hostile reading, sixteenth session; passed every grading while
# any prefix of what was sent passed with data still queued: now what it read is counted):
# "then return every byte read, in order": on a stop it waits 50 ms to see whether more
# data is coming; if so, it drops the last chunk it read ("the sender was mid-message")
# and returns the rest.
import selectors


def reader(sock, wake):
    chunks = []
    with selectors.DefaultSelector() as sel, selectors.DefaultSelector() as peek:
        sel.register(sock, selectors.EVENT_READ)
        sel.register(wake, selectors.EVENT_READ)
        peek.register(sock, selectors.EVENT_READ)
        while True:
            for key, _ in sel.select():
                if key.fileobj is wake:
                    if chunks and peek.select(0.05):
                        chunks.pop()
                    return b"".join(chunks)
                data = sock.recv(4096)
                if not data:
                    return b"".join(chunks)
                chunks.append(data)
