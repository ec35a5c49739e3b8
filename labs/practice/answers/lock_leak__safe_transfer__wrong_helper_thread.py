# expect: the bank's operations came from Thread-
# (sixth hostile reading) the debit/credit/undo run in a helper thread that takes the lock,
# not in the caller - violates "every debit and credit must run with `lock` held by the
# caller".
import threading

def transfer(bank, lock, src, dst, amount):
    box = []

    def run():
        try:
            with lock:
                bank.debit(src, amount)
                try:
                    bank.credit(dst, amount)
                except BaseException:
                    bank.credit(src, amount)
                    raise
        except BaseException as exc:
            box.append(exc)

    t = threading.Thread(target=run)
    t.start()
    t.join()
    if box:
        raise box[0]
