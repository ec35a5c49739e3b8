# expect: still running at the end of the run: reader
# wakeup-reader, wrong (hostile round, twenty-sixth session): "Read ... until the peer closes
# it or until wake becomes readable": when a recv() fills its whole buffer it assumes more is
# on the way and recv()s again at once, blocking, without looking at wake (a full read followed
# by nothing blocks past a stop).
# A gap until the twenty-seventh session: no chunk of the check's was a multiple of 4096
# bytes; the last, before the silence, is 32 KiB now.
import selectors

SIZE = 4096


def reader(sock, wake):
    chunks = []
    with selectors.DefaultSelector() as sel:
        sel.register(sock, selectors.EVENT_READ)
        sel.register(wake, selectors.EVENT_READ)
        while True:
            for key, _ in sel.select():
                if key.fileobj is wake:
                    return b"".join(chunks)
                while True:
                    data = sock.recv(SIZE)
                    if not data:
                        return b"".join(chunks)
                    chunks.append(data)
                    if len(data) < SIZE:
                        break
