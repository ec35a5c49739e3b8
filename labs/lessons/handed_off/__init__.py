"""Lesson 5, handed-off: work handed to pools, futures and asyncio.

``scene`` runs in the child; ``measure`` (the Ctrl-C driver, the task ledger,
the verdict) and ``figures`` (the ledger as a table) run in the parent.
"""
