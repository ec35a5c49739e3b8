class A:
    def get(self):
        return self._secret, self._inst
def solve(bank):
    return A.get(bank)
