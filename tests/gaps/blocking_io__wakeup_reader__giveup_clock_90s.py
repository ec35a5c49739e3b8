# (hostile round, thirty-second session; passes every grading)
# WRONG: "keep reading through the silence": returns after 90 s without data on time.monotonic,
# looking once a second; the silence moves its clocks on by a minute
import select
import time

IDLE_LIMIT = 90.0


def reader(sock, wake):
    chunks = []
    last = time.monotonic()
    while True:
        r, _, _ = select.select([sock, wake], [], [], 1.0)
        if not r:
            if time.monotonic() - last > IDLE_LIMIT:
                return b"".join(chunks)
            continue
        if wake in r:
            return b"".join(chunks)
        data = sock.recv(4096)
        if not data:
            return b"".join(chunks)
        chunks.append(data)
        last = time.monotonic()
