# a117 (a policy review's second round, twenty-eighth session; shown with a stand-in bank):
# c07: runs Vault.peek with the bank as self (reads bank._call): `case dataclasses.Field(type=kind)` reads a field's .type through a keyword class pattern (only ast.Attribute .type is refused)
import dataclasses


class Vault:
    def peek(self):
        return self._call


@dataclasses.dataclass
class Holder:
    kind: Vault = None


def transfer(bank, lock, src, dst, amount):
    match dataclasses.fields(Holder)[0]:
        case dataclasses.Field(type=kind):
            return kind.peek(bank)
