"""EXPECT: error
FLAW: labs.procfs patched so that the kernel's count of wake-ups reads 0

A learner who polls with a short timeout and hides the wake-ups from the check that
counts them.
"""

from labs import procfs

procfs.context_switches = lambda tid, voluntary_only=False: 0


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
