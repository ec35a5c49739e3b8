# expect: your function returned: still running at the end of the run: reader
# blocking-io/wakeup-reader, wrong (ninth hostile reading, fifteenth session; passed every
# grading while the only stop the check sent was the byte b"!"):
# "until wake (another socket) becomes readable, which is how a stop is requested" --
# only a b"!" on wake stops it; any other byte is ignored, and wake's EOF makes it spin.
import selectors
def reader(sock, wake):
    chunks = []
    sel = selectors.DefaultSelector()
    sel.register(sock, selectors.EVENT_READ)
    sel.register(wake, selectors.EVENT_READ)
    try:
        while True:
            for key, _ in sel.select(0.3):
                if key.fileobj is wake:
                    if wake.recv(1) == b"!":
                        return b"".join(chunks)
                    continue
                data = sock.recv(4096)
                if not data:
                    return b"".join(chunks)
                chunks.append(data)
    finally:
        sel.close()
