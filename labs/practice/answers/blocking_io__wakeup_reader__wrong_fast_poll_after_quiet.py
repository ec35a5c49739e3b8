# expect: of silence after a minute on your clock
# wakeup-reader, wrong (seventh hostile reading, thirteenth session)
# Violates: "wake up at most 4 times a second". After 0.9 s without data it "gets
# impatient" and polls every 50 ms: 20 wake-ups a second for as long as it stays quiet.
import selectors


def reader(sock, wake):
    chunks = []
    with selectors.DefaultSelector() as sel:
        sel.register(sock, selectors.EVENT_READ)
        sel.register(wake, selectors.EVENT_READ)
        timeout = 0.9
        while True:
            events = sel.select(timeout=timeout)
            if any(key.fileobj is wake for key, _ in events):
                return b"".join(chunks)
            if not events:
                timeout = 0.05
                continue
            timeout = 0.9
            data = sock.recv(4096)
            if not data:
                return b"".join(chunks)
            chunks.append(data)
