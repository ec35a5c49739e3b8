# expect: alpha, beta stopped too (the command named gamma
# (sixth hostile reading) slices line[5:] after checking only line[:4] == "stop", so
# "stop:NAME", "stop-NAME", "stops NAME"-like typos with one extra char stop NAME -- violates
# "the verb in lower case" (verb must be exactly "stop ").
import queue


def control(commands, stops):
    while True:
        try:
            line = commands.get(timeout=0.5)
        except queue.Empty:
            continue
        if line == "quit":
            return
        if line[:4] == "stop" and line[5:] in stops:
            stops[line[5:]].set()
