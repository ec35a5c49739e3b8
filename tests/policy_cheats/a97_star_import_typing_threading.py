# a97 (a policy review, twenty-eighth session; shown with a stand-in bank):
# reaches bank._call through eval of text, and frames: `from typing import *` binds get_type_hints and `from threading import *` binds settrace as bare names (star imports are never read)
from typing import *
from threading import *


def peek(x: "b._call"):
    pass


def transfer(bank, lock, src, dst, amount):
    found = get_type_hints(peek, None, {"b": bank})["x"]   # eval("b._call")
    frames = []
    settrace(lambda frame, event, arg: frames.append(frame))
    t = Thread(target=print, args=("",))
    t.start()
    t.join()
    settrace(None)
    return found, frames[0]
