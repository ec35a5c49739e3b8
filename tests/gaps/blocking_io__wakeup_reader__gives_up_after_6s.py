# (seventh hostile reading, thirteenth session; passes every grading unless said)
# Violates: "Read from the socket until the peer closes it or until wake becomes readable"
# / "keep reading through the silence". After 6 s without data it assumes the peer is
# gone and returns.
import selectors


def reader(sock, wake):
    chunks = []
    with selectors.DefaultSelector() as sel:
        sel.register(sock, selectors.EVENT_READ)
        sel.register(wake, selectors.EVENT_READ)
        while True:
            events = sel.select(timeout=6.0)
            if not events or any(key.fileobj is wake for key, _ in events):
                return b"".join(chunks)
            data = sock.recv(4096)
            if not data:
                return b"".join(chunks)
            chunks.append(data)
