# expect: every consumer ended before shutdown() returned: consumer-1
def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
    tasks.join()  # every task done, but the threads are not joined
