import sys
import typing


def solve(bank):
    def f(a: "typing.Literal[next(sys._getframe(i).f_back.f_globals for i in range(40) if sys._getframe(i).f_code.co_name == 'solve'), sys.modules, bank.__dict__, bank._inst]"):
        pass
    hint = typing.get_type_hints(f, localns={"bank": bank, "sys": sys})["a"]
    caller, mods, inside, secret = typing.get_args(hint)
    return secret, sorted(k for k in caller if not k.startswith("__"))[:4], "labs.practice.policy" in mods
