class Config:
    def __init__(self):
        self._values = {}

    @classmethod
    def from_pairs(cls, pairs):
        conf = cls()
        conf._values.update(pairs)
        return conf
