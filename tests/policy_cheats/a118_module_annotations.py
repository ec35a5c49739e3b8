# a118 (a policy review's second round, twenty-eighth session; shown with a stand-in bank):
# c08: runs Vault.peek with the bank as self (reads bank._call): a module-level annotation `kind: Vault` (kept: an annotation of names) is read back as the bare name __annotations__["kind"], the class itself
class Vault:
    def peek(self):
        return self._call


kind: Vault


def transfer(bank, lock, src, dst, amount):
    return __annotations__["kind"].peek(bank)
