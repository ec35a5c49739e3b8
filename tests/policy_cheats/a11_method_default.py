def solve(bank):
    class A:
        self = bank
        def m(self, v=self._inst):
            return v
    return A().m()
