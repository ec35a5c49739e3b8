import threading


def solve(bank):
    threading.Thread.__init__(bank, name="written")
    return [k for k in dir(bank) if k.startswith("_") and not k.startswith("__")]
