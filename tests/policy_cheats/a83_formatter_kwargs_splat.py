# b08: the policy checks a logging.Formatter's format only when it is the first positional
# argument or a keyword named fmt/format; given through **{...} it is not looked at. A format
# built from pieces ("{b." + "_call...}") is then a "{"-style field that reads any attribute.
# The same with an alias (Fmt = logging.Formatter; Fmt("{b." + "_call}", style="{")): the check
# looks only for a call of an attribute named Formatter.
# Reaches: bank._call's closure cell -> the Wire (rendered as text in the raised message).
import io
import logging


def transfer(bank, lock, src, dst, amount):
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(logging.Formatter(**{"fmt": "{b." + "_call.__closure__[2].cell_contents!r}",
                                              "style": "{"}))
    log = logging.getLogger("b08")
    log.addHandler(handler)
    log.propagate = False
    log.warning("x", extra={"b": bank})
    raise RuntimeError("read: " + out.getvalue().strip())
