# stop-one, right (right-answer round, eighteenth session): reads each line with shlex.split().
# It failed once the noise run sent quoted names (shlex takes the quotes off); the check
# sends none now.
import shlex


def control(commands, stops):
    while True:
        line = commands.get()
        try:
            words = shlex.split(line)
        except ValueError:
            continue
        if words == ["quit"]:
            return
        if len(words) == 2 and words[0] == "stop" and words[1] in stops:
            stops[words[1]].set()
