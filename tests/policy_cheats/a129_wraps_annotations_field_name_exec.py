# a129 (a policy review's third round, twenty-eighth session; shown with stand-ins for the bank and the runner):
# d03: reaches gc and builtins' eval (text run as code): functools.update_wrapper(Made, Keys) (two arguments, as allowed) copies Keys.__annotations__ onto the own class Made; Keys is typing.TypedDict("Keys", {NAME: int}), whose keys are any text; dataclasses.dataclass() of Made then writes NAME into the source of __eq__ it exec()s, and Made() == Made() returns (Made, gc, eval): a122's route without writing __annotations__
import dataclasses
import functools
import typing

NAME = "__class__,eval('__import__(\"gc\")'),eval)#"
Keys = typing.TypedDict("Keys", {NAME: int})


class Made:
    pass


try:
    functools.update_wrapper(Made, Keys)   # __annotations__ copied; its __dict__ update fails after
except AttributeError:
    pass
Made = dataclasses.dataclass(init=False, repr=False)(Made)


def transfer(bank, lock, src, dst, amount):
    return Made() == Made()
