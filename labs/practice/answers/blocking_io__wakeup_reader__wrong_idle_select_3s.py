# expect: it kept reading until the stop: returned during the silence (
# wakeup-reader, wrong: select.select on both sockets, but with a timeout of
# 3 s, and an empty answer (3 s of silence) is taken as "the peer has gone".
import select


def reader(sock, wake):
    chunks = []
    while True:
        readable, _, _ = select.select([sock, wake], [], [], 3.0)
        if not readable or wake in readable:
            return b"".join(chunks)
        data = sock.recv(4096)
        if not data:
            return b"".join(chunks)
        chunks.append(data)
