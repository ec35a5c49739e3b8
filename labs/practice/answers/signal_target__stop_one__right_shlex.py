# right (eleventh hostile reading, seventeenth session): refused until then, its import not on the
# check's list; pure helpers are allowed now (policy.COMMON_MODULES). It failed again when
# the eighteenth session's noise run sent quoted names (shlex takes quotes off); none now.
# RIGHT: splits each command with shlex.split (the usual way to tokenize a command line), exact ["stop", NAME] / ["quit"] matching, blocking get() in its own thread.
import queue
import shlex
import threading


def control(commands, stops):
    while True:
        try:
            words = shlex.split(commands.get())
        except ValueError:
            continue
        if words == ["quit"]:
            return
        if len(words) == 2 and words[0] == "stop" and words[1] in stops:
            stops[words[1]].set()
