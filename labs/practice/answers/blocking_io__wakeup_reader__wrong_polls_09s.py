# expect: stopped at once: returned
import select
import socket


def reader(sock, wake):
    chunks = []
    sock.settimeout(0.9)  # longer than the 0.8 s of silence: it never wakes during it,
    # but the stop that comes as it goes back to sleep after a chunk waits 0.9 s
    while not select.select([wake], [], [], 0)[0]:
        try:
            data = sock.recv(4096)
        except socket.timeout:
            continue
        if not data:
            break
        chunks.append(data)
    return b"".join(chunks)
