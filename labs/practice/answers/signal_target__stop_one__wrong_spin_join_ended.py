# expect: waits while no command comes: 2
# signal-target/stop-one, wrong (hostile round, thirty-third session; passed 3 gradings of 3 while a
# join was told even when its thread had ended). Violates "a timed wait of your own that waits":
# join(0.05) of a thread that has ended returns at once
import queue, threading, time
def control(commands, stops):
    t = threading.Thread(target=lambda: None); t.start(); t.join()
    while True:
        try:
            line = commands.get_nowait()
        except queue.Empty:
            t.join(0.05)
            continue
        if line == "quit":
            return
        verb, sep, name = line.partition(" ")
        if verb == "stop" and sep and name in stops:
            stops[name].set()
