# signal-target/stop-one, right: qsize() look, time.sleep(0.05) naps while no command, then get(); exact name via `in`
import time


def control(commands, stops):
    while True:
        if commands.qsize() == 0:
            time.sleep(0.05)
            continue
        line = commands.get()
        verb, _, name = line.partition(" ")
        if verb == "quit" and not name:
            return
        if verb == "stop" and name in stops:
            stops[name].set()
