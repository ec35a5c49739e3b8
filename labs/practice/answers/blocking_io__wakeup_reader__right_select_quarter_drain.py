"""select with a 0.25 s timeout (4 wake-ups a second at most); drain what is ready with MSG_DONTWAIT."""
import select
import socket


def reader(sock, wake):
    out = bytearray()
    while True:
        r, _, _ = select.select([sock, wake], [], [], 0.25)
        if wake in r:
            return bytes(out)
        if sock in r:
            while True:
                try:
                    chunk = sock.recv(4096, socket.MSG_DONTWAIT)
                except (BlockingIOError, InterruptedError):
                    break
                if not chunk:
                    return bytes(out)
                out += chunk
