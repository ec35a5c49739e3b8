# expect: worker-11 stopped too (the command named worker-10;
# stop-one, wrong (tenth hostile reading, sixteenth session; passed every grading until the
# check sent near names):
# "ignore a name that is not in stops": "stop N" with a number N stops the N-th worker (1-based), a name that is not in stops.
def control(commands, stops):
    while True:
        words = commands.get().split()
        if words == ["quit"]:
            return
        if len(words) != 2 or words[0] != "stop":
            continue
        name = words[1]
        if name not in stops and name.isdigit():
            names = list(stops)
            k = int(name) - 1
            name = names[k] if 0 <= k < len(names) else name
        if name in stops:
            stops[name].set()
