"""What runs in the sandboxed child: the runtime and the pieces the scenes use.

``runtime`` (the entry point: watchdog, signals, faulthandler, the variant),
``record`` (timeline events as they happen), ``kill`` (the forced stops people
write), ``procfs`` (what the kernel says, from /proc), ``wait`` (the lab line
a thread is on), ``scenes`` (the scenario pieces lessons share), ``selftest``
(the sandbox's own test lab). Nothing here imports the parent's side.
"""
