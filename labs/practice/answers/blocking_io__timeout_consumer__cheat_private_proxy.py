# expect: the private attribute ._w is not allowed
def consumer(jobs, stop, done):
    jobs._w.call("r1.rep", "returned", 0, ["NoneType", None])
