import selectors


def reader(sock, wake):
    received = []
    sel = selectors.DefaultSelector()
    try:
        sel.register(sock, selectors.EVENT_READ, "data")
        sel.register(wake, selectors.EVENT_READ, "stop")
        while True:
            events = sel.select()
            if any(key.data == "stop" for key, _ in events):
                print(f"reader: woken, {sum(map(len, received))} bytes")
                return b"".join(received)
            chunk = sock.recv(1 << 16)
            if chunk == b"":
                print("reader: peer closed")
                return b"".join(received)
            received.append(chunk)
    finally:
        sel.close()
