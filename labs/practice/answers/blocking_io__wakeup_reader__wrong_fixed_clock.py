# expect: stopped at once: returned
import select
import time


def reader(sock, wake):
    chunks = []
    period = 0.85  # a look at wake on a fixed clock, just over the 0.8 s of silence
    tick = time.monotonic() + period
    while True:
        r, _, _ = select.select([sock], [], [], max(0.0, tick - time.monotonic()))
        if r:
            data = sock.recv(4096)
            if not data:
                break
            chunks.append(data)
            continue
        tick += period
        if select.select([wake], [], [], 0)[0]:
            break
    return b"".join(chunks)
