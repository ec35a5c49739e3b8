"""EXPECT: fail
FLAW: os._exit(0) while the module loads (the process ends with status 0 before any run)

A learner who hopes that a clean exit status is read as success; the grader must say one
line, not a traceback.
"""

import os

os._exit(0)

import select
import socket


def reader(sock, wake):
    # wrong on its own: polls with a 10 ms timeout (about 100 wake-ups a second)
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
