LINE = "{name}: {count} items"


def report(name, count):
    return LINE.format(name=name, count=count)
