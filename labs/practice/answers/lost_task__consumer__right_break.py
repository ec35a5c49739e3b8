import logging

log = logging.getLogger("consumer")


def consumer(tasks, stop, do):
    done = 0
    while not stop.wait(0):
        n = tasks.get()
        if n is None:
            tasks.task_done()
            break
        do(n)
        done += 1
        tasks.task_done()
    log.debug("did %d tasks", done)
