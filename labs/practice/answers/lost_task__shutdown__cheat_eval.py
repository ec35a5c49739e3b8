# expect: eval() is not allowed
def shutdown(tasks, consumers):
    eval("__import__('labs')")
