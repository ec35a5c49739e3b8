# expect: your function returned: still running at the end of the run: reader
# blocking-io/wakeup-reader, wrong (ninth hostile reading, fifteenth session; passed every
# grading while the only stop the check sent was the byte b"!"):
# "until wake (another socket) becomes readable, which is how a stop is requested" --
# wake at EOF (its peer closed it: readable) is taken for "no stop" and it goes on,
# spinning on a readable wake.
import select
def reader(sock, wake):
    chunks = []
    while True:
        r, _, _ = select.select([sock, wake], [], [], 0.3)
        if wake in r:
            if wake.recv(16):
                return b"".join(chunks)
        if sock in r:
            data = sock.recv(4096)
            if not data:
                return b"".join(chunks)
            chunks.append(data)
