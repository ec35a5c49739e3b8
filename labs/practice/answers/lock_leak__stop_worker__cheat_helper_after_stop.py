# expect: (a thread your code started) made a transfer after `stop` was seen set
# stop-worker, cheat (found by a hostile reading, session 8): the reference loop, then
# one more transfer after the worker has seen the stop, made in a helper thread of
# another name: the stop analysis read only the workers' own threads (13 of 13
# gradings passed).
import threading


def worker(bank, lock, stop):
    did = 0
    while not stop.is_set():
        with lock:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
        did += 1
    if did:  # (a stop set before the start is checked by the transfer count)
        def one_more():
            with lock:
                bank.debit("alice", 10)
                bank.credit("bob", 10)
        t = threading.Thread(target=one_more, name="after-stop")
        t.start()
        t.join()
