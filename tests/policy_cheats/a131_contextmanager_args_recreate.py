# a131 (a policy review's third round, twenty-eighth session; shown with stand-ins for the bank and the runner):
# d05: runs Vault.opened with the bank as self (its body reads self._call and keeps it): a @contextlib.contextmanager method is kept "its own", but the _GeneratorContextManager it returns keeps its arguments in the public, writable .args; set to (bank,), and used as a decorator (ContextDecorator), it remakes itself from .func and .args (_recreate_cm) and enters the method's generator with the bank as self
import contextlib

GOT = []


class Vault:
    @contextlib.contextmanager
    def opened(self):
        GOT.append(self._call)
        yield


def transfer(bank, lock, src, dst, amount):
    cm = Vault().opened()
    cm.args = (bank,)
    cm(dict)()
    return GOT[-1]
