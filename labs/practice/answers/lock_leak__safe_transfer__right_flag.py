import logging


def transfer(bank, lock, src, dst, amount):
    with lock:
        bank.debit(src, amount)
        done = False
        try:
            bank.credit(dst, amount)
            done = True
        finally:
            if not done:
                logging.getLogger(__name__).info("undo %s", amount)
                bank.credit(src, amount)
