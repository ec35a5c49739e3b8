# A class that subclasses str as well as logging.Handler: its self.format is
# str.format, whose fields read any attribute of what it is given. Only a class
# whose bases are logging's handlers alone has Handler.format (twenty-ninth session).
import logging


class Spy(str, logging.Handler):
    pass


class Reader(Spy):
    def emit(self, record):
        return self.format(record)


def solve(bank):
    return Reader("{0._accounts}").emit(bank)
