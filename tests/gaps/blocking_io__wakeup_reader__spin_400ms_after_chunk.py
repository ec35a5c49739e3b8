# (hostile round, thirty-second session; passes every grading)
# WRONG: "at most 10% of a CPU while idle": after each chunk it polls select(timeout=0) for
# 400 ms, then blocks; the kernel is watched only once it sleeps
import select
import time


def reader(sock, wake):
    chunks = []
    spin_until = 0.0
    while True:
        if time.monotonic() < spin_until:
            r, _, _ = select.select([sock, wake], [], [], 0)
            if not r:
                continue
        else:
            r, _, _ = select.select([sock, wake], [], [])
        if wake in r:
            return b"".join(chunks)
        data = sock.recv(4096)
        if not data:
            return b"".join(chunks)
        chunks.append(data)
        spin_until = time.monotonic() + 0.4
