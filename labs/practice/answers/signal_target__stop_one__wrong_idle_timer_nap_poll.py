# expect: control() returned only on "quit": control returned
# signal-target/stop-one, wrong (thirty-fourth session, written beside the change that pushes
# control's clocks only when it naps). Violates "keep waiting while no command comes": an idle
# threading.Timer of 10 s ends its loop of get_nowait() looks and 20 ms naps.
import queue
import threading
import time


def control(commands, stops):
    done = threading.Event()
    timer = threading.Timer(10, done.set)
    timer.start()
    while not done.is_set():
        try:
            line = commands.get_nowait()
        except queue.Empty:
            time.sleep(0.02)
            continue
        timer.cancel()
        timer.join()
        timer = threading.Timer(10, done.set)
        timer.start()
        if line == "quit":
            timer.cancel()
            timer.join()
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
    timer.cancel()
    timer.join()
