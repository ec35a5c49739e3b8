"""EXPECT: pass

`select.poll` with a one-second timeout (for a periodic log line: 1 wake-up a second is
well under the limit), in a helper class with private state.
"""
import logging
import select

log = logging.getLogger(__name__)


class _Reader:
    def __init__(self, sock, wake):
        self._sock = sock
        self._wake = wake
        self._chunks = []
        self._count = 0
        self._poll = select.poll()
        self._poll.register(sock.fileno(), select.POLLIN)
        self._poll.register(wake.fileno(), select.POLLIN)

    def run(self):
        while True:
            events = dict(self._poll.poll(1000))
            if not events:
                log.debug("idle, %d bytes so far", self._count)
                continue
            if self._wake.fileno() in events:
                break
            if self._sock.fileno() in events:
                data = self._sock.recv(65536)
                if not data:
                    break
                self._chunks.append(data)
                self._count += len(data)
        return b"".join(self._chunks)


def reader(sock, wake):
    return _Reader(sock, wake).run()


if __name__ == "__main__":
    import socket
    import threading

    a, b = socket.socketpair()
    w_out, w_in = socket.socketpair()
    out = []
    t = threading.Thread(target=lambda: out.append(reader(a, w_in)))
    t.start()
    b.sendall(b"hello ")
    b.sendall(b"world")
    import time

    time.sleep(0.1)
    w_out.send(b"x")
    t.join()
    print(out)
    for s in (a, b, w_out, w_in):
        s.close()
