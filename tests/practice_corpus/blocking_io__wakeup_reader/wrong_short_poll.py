"""EXPECT: fail
FLAW: wake up at most 20 times a second while idle (a 10 ms recv timeout, then a look at wake)

A learner who polls with a short timeout, the fix the notebook calls the minimum.
"""
import select
import socket


def reader(sock, wake):
    chunks = []
    sock.settimeout(0.01)
    try:
        while True:
            if select.select([wake], [], [], 0)[0]:
                break
            try:
                data = sock.recv(4096)
            except socket.timeout:
                continue
            if not data:
                break
            chunks.append(data)
    finally:
        sock.settimeout(None)
    return b"".join(chunks)
