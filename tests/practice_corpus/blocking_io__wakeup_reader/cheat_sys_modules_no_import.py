"""EXPECT: fail
ACCEPT: error
FLAW: labs.timeline.event wrapped through sys.modules, with no import statement naming labs

A learner who heard that 'import labs' is refused and reaches the module through
sys.modules, which an import-based policy does not see.
"""

import sys

_tl = sys.modules["la" + "bs.timeline"]
_real_event = _tl.event


def _event(kind, thread=None, **data):
    if kind == "rep-facts":
        f = data["facts"]
        data["facts"] = {"mode": f.get("mode"), "errors": [], "stuck": {}}
    return _real_event(kind, thread, **data)


_tl.event = _event


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
