# expect: of CPU used between looks at `commands` or the workers' Events, with no wait of 1 ms or more (a busy wait)
# signal-target/stop-one, wrong (second hostile round, thirty-fourth session: passed every grading,
# 48 s each). Violates "control must not spin while no command comes": 25 ms of busy waiting
# on time.perf_counter() between get_nowait() looks, never a wait; 200 looks took 5 s, longer
# than the spin watch.
import queue, time

def control(commands, stops):
    # busy-waits between looks: a spin, never a wait
    while True:
        try:
            line = commands.get_nowait()
        except queue.Empty:
            t = time.perf_counter()
            while time.perf_counter() - t < 0.025:
                pass
            continue
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
