"""Lesson 0, anatomy: what a forced stop does, one mechanism at a time.

``scene`` runs in the child; ``measure`` is the lab the parent judges with.
"""
