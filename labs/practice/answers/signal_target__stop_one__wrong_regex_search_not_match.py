# expect: alpha, beta stopped too
# (hostile round, thirty-first session: passed every grading until the noise run sent a
# worker's name alone and words before a whole command)
# WRONG (signal-target/stop-one): "ignore ... any other command". It reads a command with
# `re.search(r"stop (\S+)$", line)` -- search, not match/fullmatch (the classic slip): the
# end is anchored, the start is not, so a line with words before a stop command ("please
# stop alpha", "nonstop beta", "don't stop worker-2") stops that worker.
import re


def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            return
        m = re.search(r"stop (\S+)$", line)
        if m and m.group(1) in stops:
            stops[m.group(1)].set()
