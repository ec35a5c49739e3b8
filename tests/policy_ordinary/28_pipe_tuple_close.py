# found refused by a policy review's sixth round (twenty-eighth session), accepted since: a self-pipe
# kept as a tuple, closed as p[0] and p[1]
import os
import select


def reader(sock, wake):
    pipe = os.pipe()
    try:
        r, _, _ = select.select([sock, pipe[0]], [], [], 1.0)
        return sock.recv(1024) if sock in r else b""
    finally:
        os.close(pipe[0])
        os.close(pipe[1])
