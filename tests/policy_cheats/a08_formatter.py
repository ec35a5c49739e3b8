import string
def solve(bank):
    obj, _ = string.Formatter().get_field("0._inst", (bank,), {})
    return obj, "{0._secret}".format(bank)
