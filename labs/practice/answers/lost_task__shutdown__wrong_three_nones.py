# expect: shutdown waiting in thread.join() in shutdown
def shutdown(tasks, consumers):
    for _ in range(3):  # three, whatever len(consumers) is
        tasks.put(None)
    for t in consumers:
        t.join()
