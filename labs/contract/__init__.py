"""What both processes share, importing nothing else of the suite.

``lab`` (the ``Lab`` type), ``events`` (the event kinds on the wire between
child and parent), ``registry`` (which lessons exist and where their pieces
live), ``outcome`` (the ``Outcome`` of a run, its ``Verdict``, ``Facts`` and
``MissingFact``, and the stack dump's parsing), ``versions`` (the known
differences between Pythons).
"""
