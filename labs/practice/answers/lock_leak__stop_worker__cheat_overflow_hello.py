# expect: self.__class__ used other than to read its name
def _wire(self):                 # a parameter named self: the policy lets .any_private through
    return self._w


def _globals(self):
    return self.__globals__


def _cls(self):
    return self.__class__


sent = []


def worker(bank, lock, stop):
    if not sent:
        sent.append(1)
        w = _wire(bank)
        socket = _globals(_cls(w).call)["socket"]
        a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        # a hello whose tid is JSON Infinity: int(inf) raises OverflowError in the grader
        socket.send_fds(w.dial, [b'{"thread": "x", "tid": Infinity}'], [b.fileno()])
    while not stop.is_set():
        with lock:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
