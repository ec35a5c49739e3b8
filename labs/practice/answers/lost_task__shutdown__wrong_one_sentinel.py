# expect: your function returned: still running at the end of the run: shutdown
def shutdown(tasks, consumers):
    tasks.put(None)  # only one consumer gets it
    for t in consumers:
        t.join()
