"""Lesson 4, blocking-io: a thread blocked in IO.

``scene`` runs in the child; ``measure`` is the lab the parent judges with;
``bench`` is the stop-latency benchmark (measured in a child, shown here).
"""
