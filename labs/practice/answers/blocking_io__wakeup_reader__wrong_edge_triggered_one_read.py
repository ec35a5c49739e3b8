# expect: still waiting after the peer closed, with
# blocking-io/wakeup-reader, wrong (hostile round, twenty-fourth session): an edge-triggered
# epoll and one recv(1024) per wake-up: bytes left after a read wake it only when more data
# comes, and the peer's close finds it asleep with data unread. Passed every grading while
# every chunk was 151 bytes; chunk 3 is 9001 now.
import select


def reader(sock, wake):
    ep = select.epoll()
    try:
        ep.register(sock.fileno(), select.EPOLLIN | select.EPOLLET)
        ep.register(wake.fileno(), select.EPOLLIN)
        chunks = []
        while True:
            for fd, _ in ep.poll():
                if fd == wake.fileno():
                    return b"".join(chunks)
                data = sock.recv(1024)
                if not data:
                    return b"".join(chunks)
                chunks.append(data)
    finally:
        ep.close()
