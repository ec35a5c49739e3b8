# expect: control returned before "quit"
# stop-one, wrong: returns after 10 s without a command (wall clock read with time.localtime)
import queue
import time


def control(commands, stops):
    last = time.mktime(time.localtime())
    while True:
        try:
            line = commands.get(timeout=0.5)
        except queue.Empty:
            if time.mktime(time.localtime()) - last > 10:
                return
            continue
        last = time.mktime(time.localtime())
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
