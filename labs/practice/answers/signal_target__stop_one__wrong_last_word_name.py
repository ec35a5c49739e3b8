# expect: no other worker stopped: alpha, beta stopped too
# stop-one, wrong (eighth hostile reading, fourteenth session; passed every grading until the
# noise run's "stop now alpha"): takes the name as the last word and the verb as the first ("stop now worker-1" stops worker-1)
def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            return
        words = line.split(" ")
        if len(words) >= 2 and words[0] == "stop" and words[-1] in stops:
            stops[words[-1]].set()
