# expect: no polling while idle: 
# wakeup-reader, wrong (seventh hostile reading, thirteenth session)
# (the window is the silence as measured: 0.9 s under heavy load, thirty-first session)
# Violates: "wake up at most 4 times a second". The reader itself waits properly, but a
# "heartbeat" thread started with it sleeps 0.9 s and then ticks every 20 ms until the end.
# (Caught in the first silence or in the one after the pushed minute, as the load shifts
# when the chunks end against its 0.9 s sleep: either way a poll while idle.)
import selectors
import threading


def reader(sock, wake):
    chunks = []
    quit_hb = threading.Event()

    def heartbeat():
        if quit_hb.wait(0.9):
            return
        while not quit_hb.wait(0.02):
            pass

    hb = threading.Thread(target=heartbeat)
    hb.start()
    try:
        with selectors.DefaultSelector() as sel:
            sel.register(sock, selectors.EVENT_READ)
            sel.register(wake, selectors.EVENT_READ)
            while True:
                events = sel.select()
                if any(key.fileobj is wake for key, _ in events):
                    return b"".join(chunks)
                data = sock.recv(4096)
                if not data:
                    return b"".join(chunks)
                chunks.append(data)
    finally:
        quit_hb.set()
        hb.join()
