"""EXPECT: pass

`select.select` with a print of every chunk size while debugging; the peer closing and
the wake-up are told apart in the print.
"""
import select


def reader(sock, wake):
    received = []
    while True:
        r, _, _ = select.select([sock, wake], [], [])
        if wake in r:
            print(f"reader: woken, {sum(map(len, received))} bytes")
            return b"".join(received)
        chunk = sock.recv(1 << 16)
        if chunk == b"":
            print("reader: peer closed")
            return b"".join(received)
        print(f"reader: {len(chunk)} bytes")
        received.append(chunk)
