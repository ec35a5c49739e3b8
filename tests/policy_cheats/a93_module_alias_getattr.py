# a93: a module bound to another name (m = enum): its attributes were read where the policy could
# not tell it is a module (m.bltns is builtins), and .getattr as an attribute was not refused.
import enum
m = enum
def transfer(bank, lock, src, dst, amount):
    g = m.bltns.getattr
    return g(bank, "_call")
