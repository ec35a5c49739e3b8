# expect: your code raised no exception: shutdown raised AttributeError
def shutdown(tasks, consumers):
    with tasks.mutex:
        tasks.queue.clear()  # throws the queued tasks away
    for _ in consumers:
        tasks.put(None)
    for t in consumers:
        t.join()
