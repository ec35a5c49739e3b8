"""EXPECT: fail
FLAW: On `"stop NAME"`, set that worker's Event (only "stop worker-2" is understood)

A learner who wrote the function against the example in the statement.
"""


def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            return
        if line == "stop worker-2":
            stops["worker-2"].set()
