# expect: the caller never saw Offline from worker-2's transfer 3
# safe-transfer, wrong (seventh hostile reading, thirteenth session):
# Violates: "the error must reach the caller (re-raise it)" -- it undoes on any exception but
# re-raises only errors whose type mentions Frozen; others (KeyboardInterrupt, bugs) vanish.
# A gap until the twenty-seventh session: the bank raised nothing but Frozen; fails-later's
# second failure is an Offline now, a kind of Frozen whose type's name does not say so.
def transfer(bank, lock, src, dst, amount):
    with lock:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except BaseException as e:
            bank.credit(src, amount)
            if "Frozen" in repr(type(e)):
                raise
