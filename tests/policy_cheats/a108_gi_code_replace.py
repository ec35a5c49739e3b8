# a108 (a policy review, twenty-eighth session; shown with a stand-in bank):
# reaches bank._call and builtins.eval: a generator's gi_code is not refused; code.replace(co_names=("_call",)) / ("eval",) rewrites the names a checked function reads, and type(transfer)(code, {}) makes it a function again
def peek(obj):
    yield obj.kall          # a public name; the copy below reads another


def run(text):
    yield len(text)         # a builtin; the copy below calls another


def transfer(bank, lock, src, dst, amount):
    make = type(transfer)                                   # the function class, called
    code = peek(None).gi_code.replace(co_names=("_call",))  # a generator's code object
    private = next(make(code, {})(bank))
    code = run("").gi_code.replace(co_names=("eval",))
    computed = next(make(code, {})("6 * 7"))
    return private, computed
