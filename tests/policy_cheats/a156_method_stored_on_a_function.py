# a156 (a policy review's eighth round, twenty-eighth session; shown with stand-ins):
# i04 (every exercise, no module at all): runs a method of the learner's own class, whose body reads self._call, with the bank as its self (prize 5), and so reads the bank's private slot, the closure over the wire (prize 4): in the class body `holder.peek = peek` stores the method function on an attribute of a function of the file's (_methods_stay_in_their_class reads a plain-name value as an alias, whatever the target; a147's fix refuses only targets rooted in a module), and `holder.peek(bank)` is a plain function call (the unbound-method rule reads only names of its classes); the same through `same(same).peek = peek` or `BOX["k"].peek = peek`
def holder():
    return None


class Spy:
    def peek(self):
        return self._call

    holder.peek = peek


def transfer(bank, lock, src, dst, amount):
    return holder.peek(bank)
