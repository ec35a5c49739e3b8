# a127 (a policy review's second round, twenty-eighth session; shown with a stand-in bank):
# c18: reaches bank._call, builtins.eval and gc: sys.meta_path (not refused) holds BuiltinImporter; find_spec/create_module/exec_module load any built-in module without an import statement (gc, _operator, builtins: no file is read); _operator.attrgetter("_call")(bank) and attrgetter("eval")(builtins) read by names given as data
import sys


def load(name):
    for finder in sys.meta_path:
        spec = finder.find_spec(name, None)
        if spec is not None:
            module = spec.loader.create_module(spec)
            spec.loader.exec_module(module)
            return module


def transfer(bank, lock, src, dst, amount):
    gcmod = load("gc")
    op = load("_operator")
    private = op.attrgetter("_call")(bank)
    ev = op.attrgetter("eval")(load("builtins"))
    return private, gcmod, ev, ev("6 * 7")
