# wakeup-reader, right: a selector over both sockets with a 1 s timeout (a
# habit from servers that do housekeeping between waits); an empty answer
# only means "look again", never "the peer has gone".
import selectors


def reader(sock, wake):
    chunks = []
    with selectors.DefaultSelector() as sel:
        sel.register(sock, selectors.EVENT_READ, "data")
        sel.register(wake, selectors.EVENT_READ, "stop")
        while True:
            for key, _ in sel.select(timeout=1.0):  # [] after a quiet second
                if key.data == "stop":
                    return b"".join(chunks)
                data = sock.recv(4096)
                if not data:
                    return b"".join(chunks)
                chunks.append(data)
