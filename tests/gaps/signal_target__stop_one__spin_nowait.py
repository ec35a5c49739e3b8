# (eleventh hostile reading, seventeenth session; passes every grading)
# WRONG: spins on get_nowait() with no wait at all while no command comes (a busy loop burning a
# CPU instead of "keep waiting").
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
