# expect: worker-1 stopped too (the command named worker-10
# signal-target/stop-one, wrong (thirteenth hostile reading, eighteenth session): it
# reads a trailing number without its leading zeros ("stop worker-01" stops worker-1). Passed every grading: the check never sent such a command; it does now.
import re


def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb != "stop":
            continue
        m = re.fullmatch(r"(.*?)(\d+)", name)
        if m:
            name = m.group(1) + str(int(m.group(2)))
        if name in stops:
            stops[name].set()
