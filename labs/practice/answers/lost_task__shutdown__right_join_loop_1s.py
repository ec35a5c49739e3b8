def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
    for t in consumers:
        while True:  # join with a timeout (so Ctrl-C still works), until it has ended
            t.join(timeout=1.0)
            if not t.is_alive():
                break
