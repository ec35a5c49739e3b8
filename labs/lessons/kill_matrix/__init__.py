"""Lesson 6, kill-matrix: every way people stop a thread, run for real, measured.

Rows are mechanisms; columns are measurements. Each row runs three scenarios
(a busy worker, a worker blocked in a socket read, a worker midway through a
transfer under a lock), each in its own sandboxed child.

=====================  =======  ==============================================
module                 process  what
=====================  =======  ==============================================
``scenarios``          child    what each worker thread does
``mechanisms``         child    how each row starts its worker and sends the stop
``threads``            child    one thread scenario, from the main thread
``processes``          child    the process rows (and their worker processes)
``scene``              child    the variants, one per row and scenario
``measure``            parent   the judge, the summary of a run, the driver
``rows``               parent   run the scenarios in the sandbox, build the rows
``figures``            parent   the text table, the figure, ``python -m labs matrix``
=====================  =======  ==============================================

Imports go one way: ``rows``, ``figures`` and ``measure`` import the child
side, never the reverse.
"""
