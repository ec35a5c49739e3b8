# expect: nothing left behind: thread(s) still running after your function returned
# (its Timer threads are never joined: kept to the end of the run since the seventeenth session,
# wire.hold_ends; its other fault shows once they are: "with `lock` still held: the lock must be free when the transfer ends")
# (sixth hostile reading) on failure it raises with the lock still held and frees it 0.3 s
# later from a Timer - violates "the lock must be free for the other worker" (when the error
# reaches the caller).
import threading

def transfer(bank, lock, src, dst, amount):
    lock.acquire()
    bank.debit(src, amount)
    try:
        bank.credit(dst, amount)
    except BaseException:
        bank.credit(src, amount)
        threading.Timer(0.3, lock.release).start()  # let things settle before others go
        raise
    lock.release()
