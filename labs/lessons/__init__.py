"""One folder per lesson, named by its id (``lock-leak`` -> ``lock_leak/``).

Each holds ``scene`` (what runs in the child, and what its notebook prints),
``measure`` (the lab the parent judges with: summarize, judge, drivers) and,
where the lesson draws more than a timeline, ``figures``. The registry
(``labs.contract.registry``) lists them in the notebooks' order.
"""
