"""EXPECT: fail
ACCEPT: error
FLAW: time.perf_counter monkeypatched to a constant: the stop latency measures 0 ms for a 0.5 s poll

A learner who polls with a long timeout (no wake-ups) and makes the harness's stopwatch
stop.
"""

import select
import socket
import time

time.perf_counter = lambda: 0.0


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
