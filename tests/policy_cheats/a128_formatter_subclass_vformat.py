# a128 (a policy review's third round, twenty-eighth session; shown with stand-ins for the bank and the runner):
# d01: reaches the runner's frame (f_back of transfer's frame, its f_locals: token, wire, rep, k), its f_globals' __builtins__ (eval), bank._call and the closure cells inside it: an own subclass of type(string.Formatter()) (the Formatter name is refused only as a name) calls the base's private self._vformat (a method's self._x: its own) with a parse() that yields the field name given as plain text (no braces: never read as a format); the base's get_field does getattr for each ".name" and hands the object to the overridden format_field
import string


class Reach(type(string.Formatter())):
    def parse(self, text):
        return [("", text, "", None)] if text else []

    def format_field(self, value, spec):
        self.got = value
        return ""

    def reach(self, obj, path):
        self._vformat("0." + path, (obj,), {}, set(), 2)
        return self.got


def transfer(bank, lock, src, dst, amount):
    r = Reach()
    try:
        raise ValueError
    except ValueError as e:
        here = r.reach(e, "__traceback__.tb_frame")  # this call's frame
    runner = r.reach(here, "f_back")                 # the runner's frame
    found = {
        "frame": runner,
        "locals": r.reach(runner, "f_locals"),
        "eval": r.reach(runner, "f_builtins")["eval"],
        "call": r.reach(bank, "_call"),
        "cells": r.reach(bank, "_call.__closure__"),
    }
    return found
