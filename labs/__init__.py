"""Stopping a Python thread by force, measured.

Every experiment lives in this package and runs in a fresh child interpreter
(see ``labs.sandbox``); notebooks and the command line only call into it.
"""
