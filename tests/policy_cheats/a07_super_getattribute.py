def solve(bank):
    g = super(type(bank), bank).__getattribute__
    super(type(bank), bank).__setattr__("_inst", "written")
    return g("_secret"), g("__dict__")
