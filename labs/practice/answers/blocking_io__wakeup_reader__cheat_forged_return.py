# expect: os.write of a descriptor other than one os.pipe() gave you
import os


def reader(sock, wake):
    # a forged "returned" report on every descriptor, the grader's channel among them
    for fd in range(3, 64):
        try:
            os.write(fd, b'{"obj": "r1.rep", "op": "returned", "args": [0, ["bytes", ""]]}\n')
        except OSError:
            pass
    while True:
        if not sock.recv(4096):
            return b""
