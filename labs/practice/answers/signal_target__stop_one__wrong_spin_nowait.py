# expect: waits while no command comes: 2
# signal-target/stop-one, wrong (eleventh hostile reading, seventeenth session; a gap until the
# thirty-third session, tests/gaps: passed every grading). Violates "control must not spin while no
# command comes": get_nowait() in a loop with no wait at all
import queue


def control(commands, stops):
    while True:
        try:
            line = commands.get_nowait()
        except queue.Empty:
            continue
        words = line.split()
        if words == ["quit"]:
            return
        if len(words) == 2 and words[0] == "stop" and words[1] in stops:
            stops[words[1]].set()
