# expect: import of signal
import signal


def control(commands, stops):
    while True:
        signal.alarm(10)  # ten seconds without a command: SIGALRM ends the program
        line = commands.get()
        if line == "quit":
            signal.alarm(0)
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
