# expect: every byte, in order, as bytes: 44485 bytes returned, 44487 read
# wakeup-reader, wrong (twenty-seventh session): rstrip()s what it read ("the data is text"):
# the check's data never ended in whitespace until the last chunk's end became " \n".
import selectors


def reader(sock, wake):
    data = b""
    with selectors.DefaultSelector() as sel:
        sel.register(sock, selectors.EVENT_READ)
        sel.register(wake, selectors.EVENT_READ)
        while True:
            for key, _ in sel.select():
                if key.fileobj is wake:
                    return data.rstrip()
                chunk = sock.recv(4096)
                if not chunk:
                    return data.rstrip()
                data += chunk
