# lock_leak safe_transfer, right (right-answer round, fifteenth session): logs
# type(exc).__name__: refused by the policy until the fifteenth session
import logging

log = logging.getLogger(__name__)


def transfer(bank, lock, src, dst, amount):
    with lock:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except Exception as exc:
            log.warning("credit failed (%s): giving %s back to %s",
                        type(exc).__name__, amount, src)
            bank.credit(src, amount)
            raise
