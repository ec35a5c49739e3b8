def solve(bank):
    imp = __import__
    return [kv for kv in imp("inspect").getmembers(bank) if kv[0].startswith("_i")]
