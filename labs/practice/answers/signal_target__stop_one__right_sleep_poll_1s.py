# stop-one, right (right-answer round, twenty-fifth session): looks at the queue once a
# second, with a nap between looks. The check sent each command as control napped and
# waited in real time for its next look: five commands outlasted the run's 3 s, and it
# failed every grading. While control naps between looks, its clocks now move on a
# minute at once (the check does not time how soon a command is taken).
import time


def control(commands, stops):
    while True:
        while commands.empty():
            time.sleep(1)
        line = commands.get()
        if line == "quit":
            break
        words = line.split(" ")
        if words[0] == "stop" and len(words) == 2 and words[1] in stops:
            stops[words[1]].set()
