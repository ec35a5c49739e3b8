# (twenty-seventh session, after the twenty-sixth's hostile round; see tests/gaps/README.md)
# blocking-io/wakeup-reader, wrong: as `labs/practice/answers/*__wrong_full_read_blocks.py`, with
# recv(65536): after a read that filled its 64 KiB buffer, a blocking recv() that does not
# look at wake. The check's last chunk is 32 KiB (see ex_blocking_io.LAST).
import selectors

SIZE = 65536


def reader(sock, wake):
    chunks = []
    with selectors.DefaultSelector() as sel:
        sel.register(sock, selectors.EVENT_READ)
        sel.register(wake, selectors.EVENT_READ)
        while True:
            for key, _ in sel.select():
                if key.fileobj is wake:
                    return b"".join(chunks)
                while True:
                    data = sock.recv(SIZE)
                    if not data:
                        return b"".join(chunks)
                    chunks.append(data)
                    if len(data) < SIZE:
                        break
