# expect: after it read the stop byte b'\n' from wake
# blocking-io/wakeup-reader, wrong (twelfth hostile reading, eighteenth session): a whitespace
# byte on wake is ignored (strip()), where any byte is the stop. Failed, but said only that
# it was still running; the message says it read the stop byte and went on.
import selectors
def reader(sock, wake):
    chunks = []
    with selectors.DefaultSelector() as sel:
        sel.register(sock, selectors.EVENT_READ)
        sel.register(wake, selectors.EVENT_READ)
        while True:
            for key, _ in sel.select():
                if key.fileobj is wake:
                    b = wake.recv(1)
                    if not b or b.strip():
                        return b"".join(chunks)
                    continue
                data = sock.recv(4096)
                if not data:
                    return b"".join(chunks)
                chunks.append(data)
