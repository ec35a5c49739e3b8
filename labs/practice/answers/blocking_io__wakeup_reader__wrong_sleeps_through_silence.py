# expect: stopped at once: returned
import select


def reader(sock, wake):
    # after each chunk: a look at 0.1 s, then sleep through the 0.8 s of silence,
    # then look every 300 ms (3.3 a second: under the limit)
    chunks = []
    since = 0.0
    while True:
        wait = 0.1 if since == 0.0 else (0.75 if since < 0.2 else 0.3)
        r, _, _ = select.select([sock], [], [], wait)
        if r:
            data = sock.recv(4096)
            if not data:
                break
            chunks.append(data)
            since = 0.0
            continue
        since += wait
        if select.select([wake], [], [], 0)[0]:
            break
    return b"".join(chunks)
