# wakeup-reader, right (thirteenth session): a selector with a 250 ms timeout, exactly 4 wake-ups a
# second while idle (the limit): its wake-ups' spacing never says more
import selectors


def reader(sock, wake):
    chunks = []
    with selectors.DefaultSelector() as sel:
        sel.register(sock, selectors.EVENT_READ)
        sel.register(wake, selectors.EVENT_READ)
        while True:
            for key, _ in sel.select(timeout=0.25):
                if key.fileobj is wake:
                    return b"".join(chunks)
                data = sock.recv(4096)
                if not data:
                    return b"".join(chunks)
                chunks.append(data)
