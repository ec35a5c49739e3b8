# expect: control returned on 'quit.', before "quit"
# stop-one, wrong (tenth hostile reading, sixteenth session; passed every grading until the
# check sent near names):
# "return on "quit"" and "ignore ... any other command": it strips punctuation, so "quit!" or "quit." also quits (and "stop NAME." stops NAME).
def control(commands, stops):
    while True:
        words = commands.get().strip(" \t.!?;").split()
        if words == ["quit"]:
            return
        if len(words) == 2 and words[0] == "stop" and words[1] in stops:
            stops[words[1]].set()
