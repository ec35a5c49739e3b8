"""python -m labs.child LAB VARIANT: the sandbox's child (labs/child/runtime.py)."""
import sys

from labs.child.runtime import main

main(sys.argv[1], sys.argv[2])
