# (eighth hostile reading, fourteenth session; passes every grading unless said)
# Violates: "return within 150 ms of each stop": reads whenever sock is readable and looks at
# wake only when it is not, so data that keeps coming hides the stop. The check never sends
# data after the stop
import select


def reader(sock, wake):
    chunks = []
    while True:
        r, _, _ = select.select([sock, wake], [], [])
        if sock in r:
            data = sock.recv(4096)
            if not data:
                return b"".join(chunks)
            chunks.append(data)
        elif wake in r:
            return b"".join(chunks)
