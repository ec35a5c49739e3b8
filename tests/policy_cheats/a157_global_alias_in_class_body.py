# a157 (a policy review's eighth round, twenty-eighth session; shown with stand-ins):
# i05 (every exercise, no module at all): runs a method of the learner's own class, whose body reads self._call, with the bank as its self (prize 5; prize 4: the bank's private slot, the closure over the wire): `global G` in the class body, then `G = peek` there: read as naming the method again (an alias in the class), it binds the module's global G to the plain function, and `G(bank)` is an ordinary call of a module-level name (the same with `HOLD["p"] = peek` in the class body, `HOLD["p"](bank)`)
class Spy:
    global G

    def peek(self):
        return self._call

    G = peek


def transfer(bank, lock, src, dst, amount):
    return G(bank)
