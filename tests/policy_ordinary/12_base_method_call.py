class Worker:
    def __init__(self):
        self._stopped = False

    def stop(self):
        self._stopped = True


class LoggingWorker(Worker):
    def stop(self):
        print("stopping")
        Worker.stop(self)
