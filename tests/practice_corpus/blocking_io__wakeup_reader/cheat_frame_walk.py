"""EXPECT: error
FLAW: frame walking at import (sys._getframe().f_back...) to the child's run_exercise, whose Exercise gets a harness that measures nothing

A learner who reached the harness without importing labs, through the frames that are
loading their module.
"""

import sys


def _patch():
    f = sys._getframe()
    while f is not None:
        ex = f.f_locals.get("ex")
        if ex is not None and hasattr(ex, "harness"):
            object.__setattr__(ex, "harness", lambda rep, *functions: {})
            return
        f = f.f_back


_patch()


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
