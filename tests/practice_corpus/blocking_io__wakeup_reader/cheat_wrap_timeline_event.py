"""EXPECT: error
FLAW: labs.timeline.event wrapped so that every rep-facts event reports no facts (nothing to check)

A learner who keeps their code running as usual and only rewrites what the child
reports.
"""

from labs import timeline

_real_event = timeline.event


def _event(kind, thread=None, **data):
    if kind == "rep-facts":
        f = data["facts"]
        data["facts"] = {"mode": f.get("mode"), "errors": [], "stuck": {}}
    if kind == "stuck":
        return None
    return _real_event(kind, thread, **data)


timeline.event = _event


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
