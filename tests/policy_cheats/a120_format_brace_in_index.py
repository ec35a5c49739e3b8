# a120 (a policy review's second round, twenty-eighth session; shown with a stand-in bank):
# c10: reads bank._call (as text): "{0[}]._call}".format({"}": bank}) -- a "}" inside the index hides the field from the regex \{([^{}]*)\}, while str.format reads 0["}"]._call
def transfer(bank, lock, src, dst, amount):
    return "{0[}]._call}".format({"}": bank})
