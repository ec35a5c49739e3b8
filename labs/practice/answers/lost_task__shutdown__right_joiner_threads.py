# shutdown, right (hostile round's right answers, twenty-seventh session): a joiner thread per
# consumer, each join()s one; the main thread joins the joiners.
import threading


def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
    joiners = [threading.Thread(target=t.join) for t in consumers]
    for j in joiners:
        j.start()
    for j in joiners:
        j.join()
