# expect: every thread ended: still running 1 s after the stop: reader in reader
def reader(sock, wake):
    chunks = []
    while True:
        data = sock.recv(4096)  # nothing but data can wake it
        if not data:
            return b"".join(chunks)
        chunks.append(data)
