# a133 (a policy review's third round, twenty-eighth session; shown with stand-ins for the bank and the runner):
# d07: runs Vault.peek with the bank as self (its body reads self._call): a keyword class pattern `case object(__class__=kind)` reads the instance's __class__ (allowed as a name any code may read, and a pattern's keywords are not read as `x.__class__` is: its use is never checked), so kind is the class Vault as a plain value and kind.peek(bank) is Vault.peek(bank)
class Vault:
    def peek(self):
        return self._call


def transfer(bank, lock, src, dst, amount):
    match Vault():
        case object(__class__=kind):
            return kind.peek(bank)
