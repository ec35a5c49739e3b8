def solve(bank):
    e = eval
    return e("bank._inst", {"bank": bank})
