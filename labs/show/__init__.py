"""Presentation, in the parent: ``tables`` (text tables and a run's details),
``timeline`` (the timeline figure), ``progress`` (progress and the stop button)."""
