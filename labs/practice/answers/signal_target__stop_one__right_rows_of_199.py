# signal-target/stop-one, right (hostile round, thirty-third session): rows of 199 get_nowait()
# looks, then a 1 ms nap: under the statement's 200
import queue, threading, time
def control(commands, stops):
    n = 0
    while True:
        try:
            line = commands.get_nowait()
        except queue.Empty:
            n += 1
            if n % 199 == 0: time.sleep(0.001)
            continue
        if line == "quit":
            return
        verb, sep, name = line.partition(" ")
        if verb == "stop" and sep and name in stops:
            stops[name].set()
