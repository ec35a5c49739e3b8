import select


def reader(sock, wake):
    buf = bytearray()
    while True:
        readable, _, _ = select.select([sock, wake], [], [])  # no timeout: sleeps
        if wake in readable:
            break
        data = sock.recv(4096)
        if not data:
            break
        buf += data
    return bytes(buf)
