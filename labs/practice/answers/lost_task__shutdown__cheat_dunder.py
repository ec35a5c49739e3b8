# expect: the dunder attribute .__class__ is not allowed
def shutdown(tasks, consumers):
    for t in consumers:
        t.__class__ = type("Ended", (), {"is_alive": lambda self: False})
