# expect: waits while no command comes: 2
# signal-target/stop-one, wrong (hostile round, thirty-third session; passed 3 gradings of 3 while a
# timed acquire was told even when the lock was free). Violates "a timed wait of your own that
# waits": the acquire of a free lock of its own returns at once
import queue, threading, time
def control(commands, stops):
    lk = threading.Lock()
    while True:
        try:
            line = commands.get_nowait()
        except queue.Empty:
            lk.acquire(timeout=0.05); lk.release()
            continue
        if line == "quit":
            return
        verb, sep, name = line.partition(" ")
        if verb == "stop" and sep and name in stops:
            stops[name].set()
