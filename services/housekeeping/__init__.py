"""Housekeeping: the worker removes what has outlived its use, so no table or folder grows
forever (SPEC section 17).

Each job removes one kind of thing in small batches; `python main.py worker` and the
in-process worker of `serve` run every job within a minute of starting, then hourly
(`services.housekeeping.schedule`). Several workers may run them at once.

Adding a job is one line: a `Job` in `jobs.JOBS`, or `register(Job(...))` from a module the
worker imports. A job's `purge` removes at most `limit` things and answers how many it
removed; `rows_matching(Model, rule)` makes one for rows, safe with several workers.
"""

from services.housekeeping import jobs  # registers the built-in jobs
from services.housekeeping.registry import Job, Purge, register, registered_jobs, rows_matching

__all__ = ["Job", "Purge", "jobs", "register", "registered_jobs", "rows_matching"]
