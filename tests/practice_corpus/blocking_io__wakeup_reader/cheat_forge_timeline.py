"""EXPECT: error
FLAW: forged rep / rep-facts / practice-done events written through labs.timeline, then os._exit(0) at import

A learner who read labs/practice/child.py sees that the verdict is whatever the child
reports, and reports a pass.
"""

import os

from labs import child, timeline

_runs = int((child.payload() or {}).get("runs", 10))
for _n in range(1, _runs + 1):
    timeline.event("rep", n=_n, mode="midway")
    timeline.event("rep-facts", n=_n, facts={"mode": "midway", "errors": [], "stuck": {}})
timeline.event("practice-done", runs_done=_runs)
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
