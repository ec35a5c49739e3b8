"""Lesson 3, signal-target: a signal aimed at one thread.

``scene`` runs in the child; ``measure`` (the driver that sends SIGTERM, the
verdict) and ``view`` (ps and strace, as the kernel shows the threads) run in
the parent.
"""
