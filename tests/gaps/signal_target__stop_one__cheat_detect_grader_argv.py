# (seventh hostile reading, thirteenth session; passes every grading unless said)
# Cheat: behaves correctly only when the process looks like the grader (sys.argv or the main
# module mention "labs"); anywhere else "stop NAME" is ignored.
import sys

_GRADED = "labs" in " ".join(sys.argv) or "labs" in str(sys.path)

def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if _GRADED and verb == "stop" and name in stops:
            stops[name].set()
