# a124 (a policy review's second round, twenty-eighth session; shown with a stand-in bank):
# c14: runs Vault.opened with the bank as self (reads bank._call): a @contextlib.contextmanager method keeps its self "its own", but Vault().opened() is a _GeneratorContextManager whose public .func is the undecorated method function; .func(bank) makes the bank its self
import contextlib


class Vault:
    @contextlib.contextmanager
    def opened(self):
        yield self._call


def transfer(bank, lock, src, dst, amount):
    return next(Vault().opened().func(bank))
