def solve(self):
    got = []
    class A:
        @got.append(self._inst) or staticmethod
        def m(self):
            return None
    return got
