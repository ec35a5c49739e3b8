# a148 (a policy review's sixth round, twenty-eighth session; shown with stand-ins):
# g04 (every exercise: contextlib): replaces sys.stdout and sys.stderr for the rest of the learner's process, the jail's code included (prize 6: sys's namespace written, a shared object the jail uses afterwards): contextlib.redirect_stdout(x)/redirect_stderr(x) entered in a module-level ExitStack that is never closed do setattr(sys, "stdout", x) and never put it back; the jail's own sys.stdout.flush()/sys.stderr.flush() at its end, each later threading.Thread's _stderr and threading's excepthook, the unraisable hook's reports (a __del__ that raises during the runner's gc.collect()) then write to, and run, the learner's object
import contextlib

STACK = contextlib.ExitStack()
HEARD = []


class Out:
    def write(self, text):
        HEARD.append(text)
        return len(text)

    def flush(self):
        HEARD.append("(flush called)")


def transfer(bank, lock, src, dst, amount):
    if not HEARD:
        STACK.enter_context(contextlib.redirect_stdout(Out()))
        STACK.enter_context(contextlib.redirect_stderr(Out()))
    print("moved", amount)
