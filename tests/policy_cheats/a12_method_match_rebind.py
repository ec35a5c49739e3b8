class A:
    def m(self, other):
        match other:
            case self:
                return self._inst
def solve(bank):
    return A().m(bank)
