# expect: control() returned only on "quit": control returned
import queue
import threading


def control(commands, stops):
    idle = threading.Event()  # set by a timer: ten seconds without a command
    timer = threading.Timer(10.0, idle.set)
    timer.start()
    try:
        while not idle.is_set():
            try:
                line = commands.get(timeout=0.2)
            except queue.Empty:
                continue
            timer.cancel()  # a command came: the ten seconds start again
            timer.join()  # (its one flaw is the idle timeout: no thread is left behind)
            timer = threading.Timer(10.0, idle.set)
            timer.start()
            if line == "quit":
                return
            verb, _, name = line.partition(" ")
            if verb == "stop" and name in stops:
                stops[name].set()
    finally:
        timer.cancel()
        timer.join()
