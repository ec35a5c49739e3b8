# expect: still running at the end of the run: reader
def reader(sock, wake):
    chunks = []
    while True:
        data = sock.recv(4096)  # nothing but data can wake it
        if not data:
            return b"".join(chunks)
        chunks.append(data)
