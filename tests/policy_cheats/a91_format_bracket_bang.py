# b16: the policy reads a format field's attributes after cutting it at the first "!" (the
# conversion), but a "!" inside an index ("{0[!]._call}") is part of the key: the field
# "0[!]._call..." is read as "0[" and passes, while str.format looks up ["!"] then ._call.
# A format written out as a constant, .format() on it: both allowed.
# Reaches: bank._call's closure -> the Wire (as text in the raised message).
def transfer(bank, lock, src, dst, amount):
    raise RuntimeError("{0[!]._call.__closure__[2].cell_contents!r}".format({"!": bank}))
