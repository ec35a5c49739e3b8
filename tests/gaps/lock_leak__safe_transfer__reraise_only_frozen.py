# (seventh hostile reading, thirteenth session; passes every grading unless said)
# Violates: "the error must reach the caller (re-raise it)" -- it undoes on any exception but
# re-raises only errors whose type mentions Frozen; others (KeyboardInterrupt, bugs) vanish.
def transfer(bank, lock, src, dst, amount):
    with lock:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except BaseException as e:
            bank.credit(src, amount)
            if "Frozen" in repr(type(e)):
                raise
