# expect: no polling while idle:
import select
import socket


def reader(sock, wake):
    chunks = []
    sock.settimeout(0.05)
    while not select.select([wake], [], [], 0)[0]:  # looks at wake between timeouts
        try:
            data = sock.recv(4096)
        except socket.timeout:
            continue
        if not data:
            break
        chunks.append(data)
    return b"".join(chunks)
