# lock-leak/safe-transfer, right (right-answer round, twenty-fourth session): logs the failure
# with the exception's class (exc.__class__, as type(exc) gives it), undoes, re-raises. The
# policy refused .__class__ until then.
import logging

log = logging.getLogger(__name__)


def transfer(bank, lock, src, dst, amount):
    with lock:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except BaseException as exc:
            log.info("%s while crediting %s; refunding %s", exc.__class__.__name__, dst, src)
            bank.credit(src, amount)
            raise
