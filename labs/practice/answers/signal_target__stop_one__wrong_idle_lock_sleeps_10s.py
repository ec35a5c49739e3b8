# expect: control returned before "quit"
import queue
import threading


def control(commands, stops):
    pause = threading.Lock()
    pause.acquire()  # never released: a timed acquire is a sleep
    silent = 0.0
    while True:
        try:
            line = commands.get_nowait()
        except queue.Empty:
            if silent >= 10.0:  # ten seconds without a command: nobody is talking to us
                return
            pause.acquire(timeout=0.25)
            silent += 0.25
            continue
        silent = 0.0
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
