match "__main__":
    case __name__:
        pass
if __name__ == "__main__":
    import gc
    def solve(bank):
        return bank._inst, len(gc.get_objects()) > 0
