# expect: every byte, in order, as bytes: 44479 bytes returned, 44487 read
# wakeup-reader, wrong (fifth hostile reading, eleventh session): reads 10 bytes at a
# time and drops a short piece still pending when the stop comes.
import selectors


def reader(sock, wake):
    sel = selectors.DefaultSelector()
    sel.register(sock, selectors.EVENT_READ)
    sel.register(wake, selectors.EVENT_READ)
    chunks = []
    pending = b""
    try:
        while True:
            for key, _ in sel.select():
                if key.fileobj is wake:
                    return b"".join(chunks)   # pending (a short piece) is dropped
            data = sock.recv(10)
            if not data:
                return b"".join(chunks)
            if pending:
                chunks.append(pending)
                pending = b""
            if len(data) < 10:
                pending = data
            else:
                chunks.append(data)
    finally:
        sel.close()
