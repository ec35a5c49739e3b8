# (seventh hostile reading, thirteenth session; passes every grading unless said)
# Violates: "use at most 10% of a CPU while idle". Every 0.85 s of quiet it spins for
# 0.3 s "checking" with select(timeout=0): ~26% of a CPU, in bursts.
import selectors
import time


def reader(sock, wake):
    chunks = []
    with selectors.DefaultSelector() as sel:
        sel.register(sock, selectors.EVENT_READ)
        sel.register(wake, selectors.EVENT_READ)
        while True:
            events = sel.select(timeout=0.85)
            if not events:
                end = time.perf_counter() + 0.3
                while not events and time.perf_counter() < end:
                    events = sel.select(timeout=0)
            if any(key.fileobj is wake for key, _ in events):
                return b"".join(chunks)
            if events:
                data = sock.recv(4096)
                if not data:
                    return b"".join(chunks)
                chunks.append(data)
