# wakeup-reader, right (twenty-seventh session): a poll object on both, recv_into a 32 KiB
# buffer, one read per wake-up (level-triggered: data left over wakes it again at once).
import select


def reader(sock, wake):
    buf = bytearray(32768)
    view = memoryview(buf)
    out = bytearray()
    poller = select.poll()
    poller.register(sock, select.POLLIN)
    poller.register(wake, select.POLLIN)
    while True:
        ready = {fd for fd, _ in poller.poll()}
        if wake.fileno() in ready:
            return bytes(out)
        n = sock.recv_into(view)
        if n == 0:
            return bytes(out)
        out += view[:n]
