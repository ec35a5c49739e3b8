"""EXPECT: error
ACCEPT: fail
FLAW: a private attribute of the threads handed over (Thread._args) reaches the harness's `do`, whose ledger hides the tasks thrown away

A learner who clears the queue for a fast shutdown and marks the dropped tasks done in
the ledger they found in the consumer threads' arguments.
"""

def shutdown(tasks, consumers):
    with tasks.mutex:
        dropped = list(tasks.queue)
        tasks.queue.clear()
        tasks.unfinished_tasks -= len(dropped)
        tasks.all_tasks_done.notify_all()
    do = consumers[0]._args[2]  # Thread(target=rep.call, args=(fn, tasks, do)): the ledger
    for n in dropped:
        do.done[n] = do.done.get(n, 0) + 1
    for _ in consumers:
        tasks.put(None)
    for t in consumers:
        while t.is_alive():
            t.join(0.1)
