def shutdown(tasks, consumers):
    tasks.join()  # every task done first
    for _ in consumers:
        tasks.put(None)
    for t in consumers:
        t.join()
