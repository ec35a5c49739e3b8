# a119 (a policy review's second round, twenty-eighth session; shown with a stand-in bank):
# c09: runs Vault.peek with the bank as self (reads bank._call): `sp = staticmethod(peek)` in the class body under another name keeps peek "plain"; Vault().sp(bank) (or v.sp(bank)) calls peek(bank); unbound_method only checks Name.attr where the Name is a class
class Vault:
    def peek(self):
        return self._call

    sp = staticmethod(peek)


def transfer(bank, lock, src, dst, amount):
    v = Vault()
    return v.sp(bank)
