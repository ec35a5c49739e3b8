# expect: control returned before "quit"
import queue
import threading


def control(commands, stops):
    never = threading.Event()
    ticker = threading.Thread(target=never.wait, name="ticker")  # never ends by itself
    ticker.start()
    try:
        silent = 0.0
        while True:
            try:
                line = commands.get_nowait()
            except queue.Empty:
                if silent >= 10.0:  # ten seconds without a command: nobody is talking to us
                    return
                ticker.join(0.25)  # a timed join of a thread that runs on is a sleep
                silent += 0.25
                continue
            silent = 0.0
            if line == "quit":
                return
            verb, _, name = line.partition(" ")
            if verb == "stop" and name in stops:
                stops[name].set()
    finally:
        never.set()
        ticker.join()
