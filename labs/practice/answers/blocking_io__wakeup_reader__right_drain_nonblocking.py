# wakeup-reader, right (twenty-seventh session): waits on both sockets with select(); on data
# it drains sock without blocking (recv until BlockingIOError), so a read that fills its
# buffer never blocks the next one. Failed its first grading, "never asleep ... (MainThread (R);
# 0.00 s of CPU in 0.00 s)": the check saw every thread asleep, looked again to be sure, and
# took the second look's answer (ex_blocking_io.observe takes the first now).
import select


def reader(sock, wake):
    sock.setblocking(False)
    parts = []
    while True:
        readable, _, _ = select.select([sock, wake], [], [])
        if wake in readable:
            return b"".join(parts)
        while True:
            try:
                data = sock.recv(4096)
            except BlockingIOError:
                break
            if not data:
                return b"".join(parts)
            parts.append(data)
