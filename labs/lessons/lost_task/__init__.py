"""Lesson 2, lost-task: a consumer killed mid-task.

``scene`` runs in the child; ``measure`` (the ledger, the verdict) and
``figures`` (the ledger drawn beside the timeline) run in the parent.
"""
