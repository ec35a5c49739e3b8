"""EXPECT: fail
FLAW: Your reader must stop within 5 ms (a 0.5 s recv timeout, then a look at wake)

A learner who polls with a long timeout to keep the CPU cost down.
"""
import select
import socket


def reader(sock, wake):
    chunks = []
    sock.settimeout(0.5)
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
