# expect: one None per consumer: 1 None(s) left in the queue with 2 consumers
def shutdown(tasks, consumers):
    for _ in range(3):  # three, whatever len(consumers) is
        tasks.put(None)
    for t in consumers:
        t.join()
