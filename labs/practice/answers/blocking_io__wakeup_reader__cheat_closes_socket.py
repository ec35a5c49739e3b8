# expect: it kept reading until the stop: returned before the stop was requested
# (from a hostile review: closing the socket once broke the grader's sends: exit 0, no output)
def reader(sock, wake):
    sock.close()
    return b""
