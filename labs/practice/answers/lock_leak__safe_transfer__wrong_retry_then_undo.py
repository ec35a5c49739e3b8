# expect: was made again, and it went through (a retry): a failed transfer is undone
# lock-leak/safe-transfer, wrong (twelfth hostile reading, eighteenth session): retries the
# failed credit once, and returns if it went through: the error never reaches the caller.
# Failed, but its message blamed the undo ("the undo credits the source"); it names the retry.
def transfer(bank, lock, src, dst, amount):
    with lock:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except Exception:
            try:
                bank.credit(dst, amount)
                return
            except Exception:
                bank.credit(src, amount)
                raise
