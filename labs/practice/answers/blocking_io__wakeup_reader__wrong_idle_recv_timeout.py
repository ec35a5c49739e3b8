# expect: it kept reading until the stop: returned during the silence (
# wakeup-reader, wrong: looks at `wake` between reads, and reads with a
# socket timeout of 1.5 s; a read that times out is taken as "the peer has
# gone" instead of a reason to look again.
import select


def reader(sock, wake):
    chunks = []
    sock.settimeout(1.5)
    while not select.select([wake], [], [], 0)[0]:
        try:
            data = sock.recv(4096)
        except TimeoutError:
            return b"".join(chunks)
        if not data:
            break
        chunks.append(data)
    return b"".join(chunks)
