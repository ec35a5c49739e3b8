import logging
def solve(bank):
    rec = logging.makeLogRecord({"b": bank, "msg": ""})
    return logging.Formatter("{b._inst}", style="{").format(rec)
