# expect: it kept reading until the stop: returned during the silence (0.8 s), before the stop
import select
import selectors

calls = 0  # the module lives as long as the check: it counts the runs


def reader(sock, wake):
    global calls
    calls += 1
    if calls % 5 == 1:  # the runs cycle quiet, idle, peer-closes, worst, before-first
        chunks = []  # the quiet run: the right reader, one selector and no timeout
        with selectors.DefaultSelector() as sel:
            sel.register(sock, selectors.EVENT_READ)
            sel.register(wake, selectors.EVENT_READ)
            while True:
                for key, _ in sel.select():
                    if key.fileobj is wake:
                        return b"".join(chunks)
                    data = sock.recv(4096)
                    if not data:
                        return b"".join(chunks)
                    chunks.append(data)
    chunks = []  # every other run: half a second of silence taken for a stop
    while True:
        r, _, _ = select.select([sock, wake], [], [], 0.5)
        if not r or wake in r:
            return b"".join(chunks)
        data = sock.recv(4096)
        if not data:
            return b"".join(chunks)
        chunks.append(data)
