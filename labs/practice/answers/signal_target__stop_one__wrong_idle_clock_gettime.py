# expect: control returned before "quit"
# stop-one, wrong: returns after 10 s without a command (an idle timeout on
# CLOCK_MONOTONIC read with time.clock_gettime, which the quiet period's fast clock
# did not skew: it passed 13 of 13 gradings, found by a hostile reading, session 8).
import queue
import time


def now():
    return time.clock_gettime(time.CLOCK_MONOTONIC)


def control(commands, stops):
    last = now()
    while True:
        try:
            line = commands.get(timeout=0.5)
        except queue.Empty:
            if now() - last > 10.0:
                return  # ten seconds without a command: we are done
            continue
        last = now()
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
