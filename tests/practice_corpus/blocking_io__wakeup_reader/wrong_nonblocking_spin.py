"""EXPECT: fail
FLAW: wake up at most 20 times a second while idle (a non-blocking busy loop)

A learner who sets both sockets non-blocking and loops over them.
"""


def reader(sock, wake):
    chunks = []
    sock.setblocking(False)
    wake.setblocking(False)
    try:
        while True:
            try:
                if wake.recv(1, 2):  # MSG_PEEK
                    break
            except BlockingIOError:
                pass
            try:
                data = sock.recv(4096)
            except BlockingIOError:
                continue
            if not data:
                break
            chunks.append(data)
    finally:
        sock.setblocking(True)
        wake.setblocking(True)
    return b"".join(chunks)
