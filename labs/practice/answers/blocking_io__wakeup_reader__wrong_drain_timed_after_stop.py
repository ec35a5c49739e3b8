# expect: stopped at once: returned
# blocking-io/wakeup-reader, wrong (ninth hostile reading, fifteenth session; passed every
# grading while no data came after the stop):
# "Read ... until wake becomes readable ... then return" -- after the stop it keeps
# reading sock until 120 ms of silence (data after the stop is taken; return is late).
import selectors, socket
def reader(sock, wake):
    chunks = []
    sel = selectors.DefaultSelector()
    sel.register(sock, selectors.EVENT_READ)
    sel.register(wake, selectors.EVENT_READ)
    try:
        while True:
            for key, _ in sel.select(0.3):
                if key.fileobj is wake:
                    old = sock.gettimeout()
                    sock.settimeout(0.12)
                    try:
                        while True:
                            d = sock.recv(4096)
                            if not d:
                                break
                            chunks.append(d)
                    except (socket.timeout, BlockingIOError):
                        pass
                    finally:
                        sock.settimeout(old)
                    return b"".join(chunks)
                data = sock.recv(4096)
                if not data:
                    return b"".join(chunks)
                chunks.append(data)
    finally:
        sel.close()
