"""The housekeeping jobs, and the batch delete most of them share."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

from tortoise.expressions import Q
from tortoise.models import Model
from tortoise.transactions import in_transaction

from services.settings import Settings

# (settings, the moment the run started, at most how many) -> how many were removed.
Purge = Callable[[Settings, datetime, int], Awaitable[int]]
# (settings, the moment the run started) -> the rows that may go.
Rule = Callable[[Settings, datetime], Q]


@dataclass(frozen=True)
class Job:
    """One kind of thing housekeeping removes; `name` is what the log and metrics say."""

    name: str
    purge: Purge


_JOBS: list[Job] = []


def register(job: Job) -> Job:
    """Add a job to every later run; a name is registered once (a re-import is harmless)."""
    if all(known.name != job.name for known in _JOBS):
        _JOBS.append(job)
    return job


def registered_jobs() -> tuple[Job, ...]:
    """Every registered job, in the order registered."""
    return tuple(_JOBS)


def rows_matching(model: type[Model], rule: Rule) -> Purge:
    """Delete up to `limit` rows the rule matches, in one short transaction.

    The rows are chosen through the rule's index and locked with `FOR UPDATE SKIP LOCKED`
    on PostgreSQL, so workers purging at once take different rows and never wait on each
    other. SQLite has no row locks and serializes writers: two workers may choose the
    same rows, and the second deletes none of them. The rule is applied again in the
    DELETE, so a row that changed since it was chosen stays.
    """

    async def purge(settings: Settings, moment: datetime, limit: int) -> int:
        where = rule(settings, moment)
        async with in_transaction() as conn:
            chosen = (
                await model.filter(where)
                .using_db(conn)
                .limit(limit)
                .select_for_update(skip_locked=True)
                .only("id")
            )
            if not chosen:
                return 0
            ids = [row.pk for row in chosen]
            return int(await model.filter(where, id__in=ids).using_db(conn).delete())

    return purge
