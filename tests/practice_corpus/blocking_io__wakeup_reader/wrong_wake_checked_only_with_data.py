"""EXPECT: fail
FLAW: until `wake` (another socket) becomes readable (wake is looked at only when data arrives)

A learner who selects on `sock` alone and peeks at `wake` after each chunk.
"""
import select


def reader(sock, wake):
    chunks = []
    while True:
        select.select([sock], [], [])
        data = sock.recv(4096)
        if not data:
            break
        chunks.append(data)
        if select.select([wake], [], [], 0)[0]:
            break
    return b"".join(chunks)
