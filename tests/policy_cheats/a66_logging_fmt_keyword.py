import io
import logging


def solve(bank):
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(logging.Formatter(fmt="{b." + "_inst}", style="{"))
    log = logging.getLogger("b16")
    log.addHandler(handler)
    log.propagate = False
    log.warning("x", extra={"b": bank})
    return out.getvalue().strip()
