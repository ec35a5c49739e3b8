# expect: control raised AttributeError: Queue objects of the check are read-only
def control(commands, stops):
    commands.get = lambda *args, **kwargs: "quit"  # rewrite the grader's queue
    while commands.get() != "quit":
        pass
