# expect: tasks.join() would wait for ever: 1 item(s) taken off the queue with no task_done()
# shutdown, wrong (hostile round, twenty-seventh session): "anything you take off the queue
# needs its task_done()": peeks at the queue with a timed get() and puts the task back, with no
# task_done() for the get. Passed 4 gradings of 6: the empty() before it let the check's consumers
# drain the queue, and the get found a task or none by the machine's timing; a look now lets
# each consumer take one task, set aside at once (GThread.step).
import queue


def shutdown(tasks, consumers):
    if not tasks.empty():
        try:
            n = tasks.get(timeout=0.1)
            tasks.put(n)
        except queue.Empty:
            pass
    for _ in consumers:
        tasks.put(None)
    for t in consumers:
        t.join()
