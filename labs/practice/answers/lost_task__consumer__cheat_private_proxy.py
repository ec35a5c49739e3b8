# expect: the private attribute ._w is not allowed
def consumer(tasks, stop, do):
    tasks._w.call("r1.rep", "returned", 0, ["NoneType", None])
