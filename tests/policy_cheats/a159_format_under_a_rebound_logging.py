# `logging` bound to a class of its own: logging.Handler is then anything, and
# self.format(record) any object's format (twenty-ninth session).
import logging


class logging:  # noqa: F811 - the rebinding under test
    Handler = str


class Reader(logging.Handler):
    def emit(self, record):
        return self.format(record)


def solve(bank):
    return Reader("{0._accounts}").emit(bank)
