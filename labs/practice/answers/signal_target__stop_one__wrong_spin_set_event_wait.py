# expect: waits while no command comes: 2
# signal-target/stop-one, wrong (review of the thirty-third session: the spin watch counted any
# timed wait on a worker's Event as a wait, set or not). Violates "a timed wait ... that waits":
# between get_nowait() calls, wait(0.05) on the Event of a worker it has stopped, which returns at once
import queue


def control(commands, stops):
    stopped = []
    while True:
        try:
            line = commands.get_nowait()
        except queue.Empty:
            if stopped:
                stops[stopped[-1]].wait(0.05)
            continue
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
            stopped.append(name)
