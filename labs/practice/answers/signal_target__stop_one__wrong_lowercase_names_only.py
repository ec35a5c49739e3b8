# expect: the named worker stopped after the item in hand: Red_1 did 3 items
# signal-target/stop-one, wrong (hostile round, twenty-fourth session): takes only names of
# lower-case letters, digits and dashes, and ignores "stop Red_1" (the whole name, in its case).
# Passed every grading until the "two" run named its workers Red_1, green and blue.2.
import re


def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            return
        m = re.fullmatch(r"stop ([a-z0-9-]+)", line)
        if m and m.group(1) in stops:
            stops[m.group(1)].set()
