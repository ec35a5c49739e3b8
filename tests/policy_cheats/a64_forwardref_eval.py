import typing


def solve(bank):
    def f(a: "typing.Literal[bank._inst]"):
        pass
    hint = typing.get_type_hints(f, localns={"bank": bank})["a"]
    return typing.get_args(hint)[0]
