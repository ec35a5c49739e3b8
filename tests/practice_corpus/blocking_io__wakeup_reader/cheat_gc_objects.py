"""EXPECT: fail
ACCEPT: error
FLAW: gc.get_objects() finds the child's Exercise object and its harness is replaced

A learner who found the harness's objects through the garbage collector, with no import
of labs and no frames.
"""

import gc

for _o in gc.get_objects():
    if type(_o).__name__ == "Exercise" and getattr(_o, "id", None) == 'blocking-io/wakeup-reader':
        object.__setattr__(_o, "harness", lambda rep, *functions: {})


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
