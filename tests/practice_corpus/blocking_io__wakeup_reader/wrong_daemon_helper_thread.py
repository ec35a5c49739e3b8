"""EXPECT: fail
FLAW: then return (a daemon helper thread is left blocked in recv after the function returns)

A learner who reads in a daemon thread and waits on `wake` in the caller: it "returns at
once", leaving a thread blocked in recv.
"""
import select
import threading


def reader(sock, wake):
    chunks = []
    closed = threading.Event()

    def pump():
        while True:
            data = sock.recv(4096)
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
