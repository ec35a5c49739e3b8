"""EXPECT: error
FLAW: the frozen Exercise's harness replaced with object.__setattr__ (every run measures nothing, so no check applies)

A learner who found that a missing fact makes a check 'not apply' and that the
dataclass's frozen flag only guards normal assignment.
"""

from labs.practice import exercises

object.__setattr__(exercises.get('signal-target/stop-one'), "harness", lambda rep, *functions: {})


def control(commands, stops):
    # wrong on its own (the notebook's skeleton): KeyError on an unknown name, never returns
    while True:
        line = commands.get()
        verb, _, name = line.partition(" ")
        if verb == "stop":
            stops[name].set()
