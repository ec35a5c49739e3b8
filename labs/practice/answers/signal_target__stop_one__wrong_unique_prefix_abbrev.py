# expect: alpha stopped too (the command named gamma
# stop-one, wrong (tenth hostile reading, sixteenth session; passed every grading until the
# check sent near names):
# "the whole name, in its case: worker-1 is not worker-10 ... ignore a name that is not in stops": a name not in stops that is the prefix of exactly one worker's name stops that worker ("stop gam" stops gamma).
def control(commands, stops):
    while True:
        words = commands.get().split()
        if words == ["quit"]:
            return
        if len(words) != 2 or words[0] != "stop":
            continue
        name = words[1]
        if name in stops:
            stops[name].set()
            continue
        matches = [n for n in stops if n.startswith(name)]
        if len(matches) == 1:
            stops[matches[0]].set()
