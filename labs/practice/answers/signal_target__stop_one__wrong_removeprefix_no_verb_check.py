# expect: beta stopped too
# (hostile round, thirty-first session: passed every grading until the noise run sent a
# worker's name alone and words before a whole command)
# WRONG (signal-target/stop-one): "ignore ... any other command". It takes the name with
# `line.removeprefix("stop ")` and never checks that the line began with the verb: a line
# that is just a worker's name ("alpha", "worker-2") stops that worker.
def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            return
        name = line.removeprefix("stop ")
        if name in stops:
            stops[name].set()
