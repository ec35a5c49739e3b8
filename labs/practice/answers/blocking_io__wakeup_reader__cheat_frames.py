# expect: .f_locals is not allowed
import sys


def reader(sock, wake):
    frame = sys.exc_info()[2]
    return frame.tb_frame.f_back.f_locals.get("sent", b"")
