# expect: gamma did 3 items: "stop gamma" never set its Event
def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            return
        if line == "stop worker-2":  # the only command the old check sent
            stops["worker-2"].set()
