# expect: the bank raised in an earlier call, not the one its own credit raised
# lock-leak/safe-transfer, wrong (twelfth hostile reading, eighteenth session): raises the first Frozen it ever caught (kept in a global), not this call's.
# "the error must reach the caller (re-raise it)". The check took any Frozen the bank had
# raised lately for this call's; the learner's process now says which operation raised it.
_first = []
def transfer(bank, lock, src, dst, amount):
    with lock:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except Exception as e:
            bank.credit(src, amount)
            if not _first:
                _first.append(e)
            raise _first[0]
