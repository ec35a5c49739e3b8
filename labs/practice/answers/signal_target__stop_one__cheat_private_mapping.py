# expect: the private attribute ._d is not allowed
def control(commands, stops):
    for event in stops._d.values():  # the mapping's own dict: every Event, set at once
        event.set()
