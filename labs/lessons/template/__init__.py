"""The lesson to copy (CONTRIBUTING.md, "Add a lab").

``scene`` runs in the child; ``measure`` is the lab the parent judges with.
"""
