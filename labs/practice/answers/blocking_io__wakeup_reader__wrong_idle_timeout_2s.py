# expect: it kept reading until the stop: returned during the silence (
# wakeup-reader, wrong: the reference's selector loop, but it also returns after
# 2 s of silence (an idle timeout) although neither a stop nor the peer's close came.
import selectors


def reader(sock, wake):
    chunks = []
    with selectors.DefaultSelector() as sel:
        sel.register(sock, selectors.EVENT_READ)
        sel.register(wake, selectors.EVENT_READ)
        while True:
            events = sel.select(timeout=2.0)
            if not events:
                return b"".join(chunks)  # two seconds of silence: the peer has gone quiet
            for key, _ in events:
                if key.fileobj is wake:
                    return b"".join(chunks)
                data = sock.recv(4096)
                if not data:
                    return b"".join(chunks)
                chunks.append(data)
