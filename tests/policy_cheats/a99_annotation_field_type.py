# a99 (a policy review, twenty-eighth session; shown with a stand-in bank):
# reaches bank._call/_accounts with the bank as the self of a class that reads self._x: the class written in a dataclass field's annotation comes back as dataclasses.fields(Holder)[0].type, a plain value, and kind.peek(bank) is Vault.peek(bank)
import dataclasses


class Vault:
    def peek(self):
        return self._call, self._accounts


@dataclasses.dataclass
class Holder:
    kind: Vault = None


def transfer(bank, lock, src, dst, amount):
    kind = dataclasses.fields(Holder)[0].type
    return kind.peek(bank)
