# expect: waits while no command comes: 2
# signal-target/stop-one, wrong (hostile round, thirty-third session; passed 2 gradings of 2 while
# the watch read control's thread only). Violates "fail, in any thread of yours": control waits
# on an Event of its own, a helper thread spins on commands.empty()
import threading
def control(commands, stops):
    ready = threading.Event(); done = threading.Event()
    def helper():
        while not done.is_set():
            if not commands.empty():
                ready.set()
    th = threading.Thread(target=helper, daemon=True); th.start()
    try:
        while True:
            ready.wait(0.05)
            ready.clear()
            while not commands.empty():
                line = commands.get_nowait()
                if line == "quit":
                    return
                verb, sep, name = line.partition(" ")
                if verb == "stop" and sep and name in stops:
                    stops[name].set()
    finally:
        done.set(); th.join()
