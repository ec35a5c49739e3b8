# blocking_io wakeup_reader, right (right-answer round, fifteenth session): _Reader(sock,
# wake)._loop(): refused by the policy until the fifteenth session
import selectors


class _Reader:
    def __init__(self, sock, wake):
        self._sock = sock
        self._wake = wake
        self._buf = bytearray()

    def _loop(self):
        with selectors.DefaultSelector() as sel:
            sel.register(self._sock, selectors.EVENT_READ, "data")
            sel.register(self._wake, selectors.EVENT_READ, "wake")
            while True:
                ready = {key.data for key, _ in sel.select()}
                if "wake" in ready:
                    return bytes(self._buf)
                chunk = self._sock.recv(4096)
                if not chunk:
                    return bytes(self._buf)
                self._buf += chunk


def reader(sock, wake):
    return _Reader(sock, wake)._loop()
