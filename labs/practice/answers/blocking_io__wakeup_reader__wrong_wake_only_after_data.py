# expect: your function returned: still running at the end of the run: reader
# wakeup-reader, wrong (eighth hostile reading, fourteenth session; passed every grading until
# the stop-first run): waits only on sock until the first byte came: a stop before any data
# is never seen
import select

def reader(sock, wake):
    chunks = []
    while True:
        watch = [sock, wake] if chunks else [sock]
        r, _, _ = select.select(watch, [], [])
        if wake in r:
            return b"".join(chunks)
        data = sock.recv(4096)
        if not data:
            return b"".join(chunks)
        chunks.append(data)
