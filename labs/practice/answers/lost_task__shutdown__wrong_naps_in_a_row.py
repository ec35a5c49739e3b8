# expect: a nap between two looks: 20 naps of 20 s in all between two looks
# shutdown, wrong (hostile round, twentieth session): twenty 1 s naps between two looks at a
# consumer, 20 s in all ("nap at most 1 s between two looks"). Passed while the naps after
# a consumer's True passed at once on the learner's clock (arena.AliveNap) and each nap was
# measured alone; naps in a row add up now
import time


def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
    for t in consumers:
        while t.is_alive():
            for _ in range(20):
                time.sleep(1.0)
