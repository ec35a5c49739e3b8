# expect: no file descriptor kept per chunk: 8 more file descriptors after
# wakeup-reader, wrong (thirteenth session, from the seventh hostile reading's batches of 5):
# a dup of sock per chunk, closed only every 10 chunks: 9 held at once
import selectors


def reader(sock, wake):
    chunks = []
    dups = []
    try:
        with selectors.DefaultSelector() as sel:
            sel.register(sock, selectors.EVENT_READ)
            sel.register(wake, selectors.EVENT_READ)
            while True:
                events = sel.select()
                if any(key.fileobj is wake for key, _ in events):
                    return b"".join(chunks)
                d = sock.dup()
                dups.append(d)
                data = d.recv(4096)
                if len(dups) >= 10:
                    for x in dups:
                        x.close()
                    dups = []
                if not data:
                    return b"".join(chunks)
                chunks.append(data)
    finally:
        for x in dups:
            x.close()
