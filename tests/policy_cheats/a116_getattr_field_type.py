# a116 (a policy review's second round, twenty-eighth session; shown with a stand-in bank):
# c06: runs Vault.peek with the bank as self (reads bank._call): getattr(dataclasses.fields(Holder)[0], "type") is the annotated class Vault (the .type refusal looks only at ast.Attribute nodes; getattr with "type" written out passes)
import dataclasses


class Vault:
    def peek(self):
        return self._call


@dataclasses.dataclass
class Holder:
    kind: Vault = None


def transfer(bank, lock, src, dst, amount):
    kind = getattr(dataclasses.fields(Holder)[0], "type")
    return kind.peek(bank)
