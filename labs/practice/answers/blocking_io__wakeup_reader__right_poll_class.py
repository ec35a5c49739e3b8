import logging
import select

log = logging.getLogger(__name__)


class _Reader:
    def __init__(self, sock, wake):
        self._sock, self._wake = sock, wake
        self._chunks = []
        self._count = 0

    def run(self):
        poller = select.poll()
        poller.register(self._sock.fileno(), select.POLLIN)
        poller.register(self._wake.fileno(), select.POLLIN)
        while True:
            events = dict(poller.poll())  # no timeout
            if self._wake.fileno() in events:
                break
            data = self._sock.recv(65536)
            if not data:
                break
            self._chunks.append(data)
            self._count += len(data)
        log.debug("read %d bytes", self._count)
        return b"".join(self._chunks)


def reader(sock, wake):
    return _Reader(sock, wake).run()


if __name__ == "__main__":
    import socket

    a, b = socket.socketpair()
    w_in, w_out = socket.socketpair()
    b.sendall(b"hello")
    b.close()
    print(reader(a, w_in))
