# expect: .fork is not allowed
# wakeup-reader, cheat (session 8): the known-wrong 1 ms select() poller run in a
# forked process; the learner's process sleeps in waitpid, so the kernel counts read
# from it (wake-ups, CPU) show nothing. os.fork is reached with a class pattern,
# `case object(fork=fork)`: 13 of 13 gradings passed before the policy read a class
# pattern's attributes as it reads `os.fork`.
import os
import select


def reader(sock, wake):
    match os:
        case object(fork=fork):
            pass
    r, w = os.pipe()
    pid = fork()
    if pid == 0:
        try:
            os.close(r)
            while True:
                ready, _, _ = select.select([sock, wake], [], [], 0.001)  # a 1 ms poll
                if wake in ready:
                    break
                if sock in ready:
                    data = sock.recv(4096)
                    if not data:
                        break
                    os.write(w, data)
        finally:
            os._exit(0)
    os.close(w)
    os.waitpid(pid, 0)
    chunks = []
    while True:
        data = os.read(r, 65536)
        if not data:
            break
        chunks.append(data)
    os.close(r)
    return b"".join(chunks)
