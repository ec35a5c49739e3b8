# expect: nothing left behind: thread(s) still running after your function returned
import select
import threading


def reader(sock, wake):
    chunks = []
    closed = threading.Event()

    def pump():
        while True:
            data = sock.recv(4096)  # blocked here for ever once the reader returns
            if not data:
                closed.set()
                return
            chunks.append(data)

    threading.Thread(target=pump, daemon=True).start()
    while not closed.is_set():
        r, _, _ = select.select([wake], [], [], 0.1)
        if r:
            break
    return b"".join(chunks)
