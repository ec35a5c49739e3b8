"""EXPECT: fail
FLAW: set that worker's Event (sets every worker's Event)

A learner who reads "stop" as "stop everything".
"""


def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            return
        if line.startswith("stop ") and line[5:] in stops:
            for ev in stops.values():
                ev.set()
