# right (eleventh hostile reading, seventeenth session): refused until then, its import not on the
# check's list; pure helpers are allowed now (policy.COMMON_MODULES)
# RIGHT: parses each line with an anchored regex (re.fullmatch) - exact lower-case verb, one name, nothing after - and looks the name up exactly in `stops`; blocks in get() in its own thread; returns on "quit".
import queue
import re
import threading

_STOP = re.compile(r"stop (\S+)")


def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            return
        m = _STOP.fullmatch(line)
        if m and m.group(1) in stops:
            stops[m.group(1)].set()
