# expect: no other worker stopped:
# stop-one, wrong (tenth hostile reading, sixteenth session; passed every grading until the
# check sent near names):
# "the whole name, in its case: worker-1 is not worker-10": it compares names with punctuation removed, so "stop worker1" or "stop worker_1" stops worker-1.
def _key(s):
    return "".join(c for c in s if c.isalnum())

def control(commands, stops):
    while True:
        words = commands.get().split()
        if words == ["quit"]:
            return
        if len(words) == 2 and words[0] == "stop":
            for name in stops:
                if _key(name) == _key(words[1]):
                    stops[name].set()
                    break
