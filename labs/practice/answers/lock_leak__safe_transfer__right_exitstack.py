"""contextlib.ExitStack registers the undo after the debit; pop_all() once the credit succeeded."""
import contextlib


def transfer(bank, lock, src, dst, amount):
    with lock, contextlib.ExitStack() as undo:
        bank.debit(src, amount)
        undo.callback(bank.credit, src, amount)
        bank.credit(dst, amount)
        undo.pop_all()
