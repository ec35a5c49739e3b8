class A:
    def poke(self, cls):
        self._inst = "written"
        self.__class__ = cls
        return self.__dict__
class Evil:
    pass
def solve(bank):
    return A.poke(bank, Evil), type(bank).__name__
