"""Lesson 1, lock-leak: a lock held by a killed thread.

``scene`` runs in the child (the bank, the forced stop, the cooperative stop);
``measure`` is the lab the parent judges with.
"""
