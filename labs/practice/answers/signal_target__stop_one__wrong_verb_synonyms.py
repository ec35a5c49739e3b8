# expect: alpha, beta stopped too (the command named gamma
# (sixth hostile reading) also accepts "kill/halt/end/terminate/shutdown NAME" as a stop --
# violates 'On "stop NAME" ... the verb in lower case' and 'ignore ... any other command'.
import queue

STOP_VERBS = {"stop", "kill", "halt", "end", "terminate", "shutdown"}


def control(commands, stops):
    while True:
        try:
            line = commands.get(timeout=0.5)
        except queue.Empty:
            continue
        if line == "quit":
            return
        verb, sep, name = line.partition(" ")
        if verb in STOP_VERBS and sep and name in stops:
            stops[name].set()
