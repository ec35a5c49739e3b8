# (right-answer round, thirty-first session: failed with AttributeError until the check's
# proxies had threading's deprecated aliases, isSet() and getName(), as the real ones do)
# Right: one None per consumer after every task; then join() each consumer
# (join() returned = seen it end), logging it by t.getName().
import logging

log = logging.getLogger(__name__)


def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
    for t in consumers:
        t.join()
        log.info("consumer %s ended", t.getName())
