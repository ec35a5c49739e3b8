"""EXPECT: fail
ACCEPT: error
FLAW: forged events written to the event pipe found in /proc/self/fd (no import of labs), then os._exit(0) at import

The same forgery without importing labs: the pipe is the write-only pipe that is not
stderr, and the number of runs is in the payload file named by the environment.
"""

import json
import os


def _forge():
    runs = 10
    path = os.environ.get("LABS_PAYLOAD")
    if path:
        try:
            with open(path) as f:
                runs = int(json.load(f).get("runs", 10))
        except (OSError, ValueError):
            pass
    err = os.readlink("/proc/self/fd/2")
    lines = []
    for n in range(1, runs + 1):
        lines.append({"t": 0.0, "kind": "rep", "thread": "MainThread", "ident": 1, "n": n, "mode": "midway"})
        lines.append({"t": 0.0, "kind": "rep-facts", "thread": "MainThread", "ident": 1, "n": n,
                      "facts": {"mode": "midway", "errors": [], "stuck": {}}})
    lines.append({"t": 0.0, "kind": "practice-done", "thread": "MainThread", "ident": 1, "runs_done": runs})
    data = b"".join((json.dumps(e) + "\n").encode() for e in lines)
    for name in os.listdir("/proc/self/fd"):
        fd = int(name)
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
            with open(f"/proc/self/fdinfo/{fd}") as f:
                flags = int(f.read().split("flags:")[1].split()[0], 8)
        except (OSError, IndexError, ValueError):
            continue
        if target.startswith("pipe:") and target != err and flags & 0o3 == 0o1:
            for i in range(0, len(data), 4000):
                os.write(fd, data[i:i + 4000])
    os._exit(0)


_forge()


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
