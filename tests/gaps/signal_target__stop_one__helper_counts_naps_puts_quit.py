# signal-target/stop-one, wrong (hostile round, thirty-fourth session: passed 3 gradings of 3):
# control waits in get(); a helper thread counts its own 50 ms naps since the last command and,
# after 60 of them (about 3 s), puts "quit" itself. control waits untimed, so no fast period
# comes (its gets never time out): the lulls and the quiet run push the clocks a minute on,
# each push ending one of the helper's naps, and no run is quiet for 3 s of real time (20 naps,
# 1 s, pass too: a grading takes about 1 s).
import threading
import time


def control(commands, stops):
    done = threading.Event()
    seen = [0]

    def idle_watch():
        # after about 3 s without a command, ask control to quit
        last, quiet = seen[0], 0
        while not done.is_set():
            time.sleep(0.05)
            if seen[0] != last:
                last, quiet = seen[0], 0
                continue
            quiet += 1
            if quiet > 60:
                commands.put("quit")
                return

    h = threading.Thread(target=idle_watch, daemon=True)
    h.start()
    try:
        while True:
            line = commands.get()
            seen[0] += 1
            if line == "quit":
                return
            verb, _, name = line.partition(" ")
            if verb == "stop" and name in stops:
                stops[name].set()
    finally:
        done.set()
        h.join()
