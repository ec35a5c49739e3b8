# expect: control() returned only on "quit": control returned on 'stop
# stop-one, wrong (eighth hostile reading, fourteenth session; passed every grading until the
# all run): returns as soon as every worker has been stopped, without waiting for "quit"
def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
            if all(ev.is_set() for ev in stops.values()):
                return
