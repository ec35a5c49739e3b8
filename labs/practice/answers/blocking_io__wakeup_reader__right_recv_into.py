# wakeup-reader, right (fifth hostile reading, eleventh session: the policy refused memoryview()):
# recv_into a buffer through a memoryview; returns bytes.
import selectors


def reader(sock, wake):
    sel = selectors.DefaultSelector()
    sel.register(sock, selectors.EVENT_READ)
    sel.register(wake, selectors.EVENT_READ)
    out = bytearray()
    buf = bytearray(4096)
    view = memoryview(buf)
    try:
        while True:
            for key, _ in sel.select():
                if key.fileobj is wake:
                    return bytes(out)
            n = sock.recv_into(view)
            if not n:
                return bytes(out)
            out += view[:n]
    finally:
        sel.close()
