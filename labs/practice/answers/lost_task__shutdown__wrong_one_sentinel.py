# expect: shutdown() returned: did not return
def shutdown(tasks, consumers):
    tasks.put(None)  # only one consumer gets it
    for t in consumers:
        t.join()
