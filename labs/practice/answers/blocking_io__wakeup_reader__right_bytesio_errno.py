# right (eleventh hostile reading, seventeenth session): refused until then, its import not on the
# check's list; pure helpers are allowed now (policy.COMMON_MODULES)
# RIGHT: accumulates into an io.BytesIO, waits in an untimed select on both sockets, reads sock non-blocking and treats EAGAIN (errno) as "no more for now"; returns on EOF or wake.
import errno
import io
import select
import socket


def reader(sock, wake):
    buf = io.BytesIO()
    sock.setblocking(False)
    try:
        while True:
            r, _, _ = select.select([sock, wake], [], [])
            if wake in r:
                return buf.getvalue()
            try:
                chunk = sock.recv(65536)
            except OSError as e:
                if e.errno in (errno.EAGAIN, errno.EWOULDBLOCK):
                    continue
                raise
            if not chunk:
                return buf.getvalue()
            buf.write(chunk)
    finally:
        sock.setblocking(True)
