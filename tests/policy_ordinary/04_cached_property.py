import functools


class Report:
    def __init__(self, rows):
        self._rows = rows

    @functools.cached_property
    def total(self):
        return sum(self._rows)
