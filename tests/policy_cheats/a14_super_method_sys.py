import sys
class A:
    def mods(self):
        return self.modules
def solve(bank):
    return "labs.practice.policy" in A.mods(sys) or len(A.mods(sys))
