# expect: every byte, in order, as bytes: 44486 bytes returned, 44487 read
# wakeup-reader, wrong (hostile round, twenty-seventh session): recv_into a zeroed buffer, then
# rstrip(b"\0") instead of a slice by the count: a zero byte that ends a read is lost. Passed
# 39 gradings of 40; chunk 19 now ends in a zero byte.
import select


def reader(sock, wake):
    out = bytearray()
    while True:
        r, _, _ = select.select([sock, wake], [], [])
        if sock in r:
            mem = bytearray(8192)
            n = sock.recv_into(mem)
            if n == 0:
                return bytes(out)
            out += bytes(mem).rstrip(b"\0")
        if wake in r:
            return bytes(out)
