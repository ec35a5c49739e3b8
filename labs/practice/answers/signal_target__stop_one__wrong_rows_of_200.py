# expect: waits while no command comes: 2
# signal-target/stop-one, wrong (hostile round, thirty-third session; rows of 200 to 215 looks passed
# while the watch ended at the first wait, begun mid-row). Violates "200 looks at commands in a
# row that do not wait ... fail": rows of 200 get_nowait() looks, then a 1 ms nap
import queue, threading, time
def control(commands, stops):
    n = 0
    while True:
        try:
            line = commands.get_nowait()
        except queue.Empty:
            n += 1
            if n % 200 == 0: time.sleep(0.001)
            continue
        if line == "quit":
            return
        verb, sep, name = line.partition(" ")
        if verb == "stop" and sep and name in stops:
            stops[name].set()
