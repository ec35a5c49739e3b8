# expect: wake-ups in 0.8 s of silence after a minute on your clock
# wakeup-reader, wrong (sixth hostile reading, twelfth session; listed as a gap until the
# twenty-second session found it caught: its bursts follow its 0.9 s wait, which the first
# quiet run's minute ends, in the 0.8 s the check counts after it)
# after each 0.9 s quiet wait it polls both sockets 30 times at 10 ms ("catch a stop
# quickly"), ~26 wake-ups a second on average while idle -- violates "wake up at most 4 times
# a second".
import select


def reader(sock, wake):
    chunks = []
    while True:
        r, _, _ = select.select([sock, wake], [], [], 0.9)
        tries = 0
        while not r and tries < 30:
            r, _, _ = select.select([sock, wake], [], [], 0.01)
            tries += 1
        if wake in r:
            return b"".join(chunks)
        if sock in r:
            data = sock.recv(4096)
            if not data:
                return b"".join(chunks)
            chunks.append(data)
