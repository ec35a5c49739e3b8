# b11: the policy refuses an *attribute* .format/.format_map of a text not written out, but
# getattr(text, "format") is a getattr "with a name written out" (not private, not dunder):
# accepted. The format itself is built from pieces, so no constant holds a "{0._x}" field.
# Reaches: bank._call's closure -> the Wire (as text in the raised message).
def transfer(bank, lock, src, dst, amount):
    fmt = "{0." + "_call.__closure__[2].cell_contents!r}"
    raise RuntimeError("read: " + getattr(fmt, "format")(bank))
