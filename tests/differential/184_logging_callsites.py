"""logging records from compiled functions: funcName, lineno, module and exc_info tracebacks in the formatted output."""
import logging
import sys

logging.basicConfig(stream=sys.stdout, level=logging.DEBUG,
                    format="%(levelname)s %(module)s.%(funcName)s:%(lineno)d %(message)s")
log = logging.getLogger("corpus")


def process(items):
    for i, item in enumerate(items):
        if item is None:
            log.warning("item %d is missing", i)
            continue
        try:
            log.debug("value %s", 10 // item)
        except ZeroDivisionError:
            log.exception("cannot divide by item %d", i)


class Service:
    def start(self):
        log.info("starting %s", type(self).__name__)
        self.helper()

    def helper(self):
        logging.getLogger("corpus.sub").error("helper says %r", {"k": 1})


# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    process([5, None, 0, 2])
    Service().start()
    log.log(logging.CRITICAL, "done")
