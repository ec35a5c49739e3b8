match "__main__":
    case __name__:
        pass
def reach(bank):
    return None
def solve(bank):
    return reach(bank)
if __name__ == "__main__":
    import gc, inspect
    def reach(bank):
        return bank._inst, inspect.currentframe().f_back.f_code.co_name, len(gc.get_objects()) > 0
