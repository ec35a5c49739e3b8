# b14: copy (reached as dataclasses.copy) deep-copies through the pickling protocol: the
# proxy's __reduce_ex__ hands over its slot state {"_call": ...}; the copy then fails (the
# proxy refuses setattr) but the memo dict given by the caller keeps every intermediate
# object alive, the state dict included. Nothing private or dunder is written anywhere.
# Reaches: the proxy's private _call (the closure over the Wire).
import dataclasses


def transfer(bank, lock, src, dst, amount):
    memo = {}
    try:
        dataclasses.copy.deepcopy(bank, memo)
    except AttributeError:
        pass
    kept = [v for v in memo.values() if isinstance(v, list)][0]
    state = [s for s in kept if isinstance(s, tuple) and len(s) == 2 and isinstance(s[1], dict)]
    raise RuntimeError(f"state of bank: {state[0][1]!r}"[:190])
