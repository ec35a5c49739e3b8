def transfer(bank, lock, src, dst, amount):
    with lock:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except Exception as error:
            bank.credit(src, amount)
            raise error
