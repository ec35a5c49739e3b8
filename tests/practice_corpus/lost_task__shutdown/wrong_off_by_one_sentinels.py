"""EXPECT: fail
FLAW: Make every consumer end (one sentinel too few)

An off-by-one in the range.
"""


def shutdown(tasks, consumers):
    for _ in range(1, len(consumers)):
        tasks.put(None)
    for t in consumers:
        while t.is_alive():
            t.join(0.1)
