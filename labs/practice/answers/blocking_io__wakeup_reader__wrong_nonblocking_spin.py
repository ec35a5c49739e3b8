# expect: no polling while idle: never asleep
import socket


def reader(sock, wake):
    chunks = []
    sock.setblocking(False)
    wake.setblocking(False)
    while True:
        try:
            wake.recv(1, socket.MSG_PEEK)  # a byte, or b"" once wake's far end closed
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
    return b"".join(chunks)
