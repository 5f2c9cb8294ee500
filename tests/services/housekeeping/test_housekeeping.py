"""Housekeeping removes exactly what has outlived its use, and nothing else; several
workers purge at once without errors."""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from tortoise.models import Model

from models import (
    Activity,
    ActivityKind,
    AuthToken,
    Dataset,
    DatasetKind,
    LoginFailure,
    OutboxMessage,
    OutboxStatus,
    Session,
    User,
)
from models.accounts import TokenPurpose
from services.clock import now
from services.housekeeping import Job, register, registered_jobs, registry
from services.housekeeping.schedule import HousekeepingWorker, run_housekeeping
from services.settings import Settings, load_settings
from services.tokens import new_token
from tests.conftest import ServiceFactory

MINUTE = timedelta(minutes=1)
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)


async def a_user() -> User:
    return await User.create(
        email=f"{new_token()[:12].lower()}@example.org", display_name="Someone", password_hash="x"
    )


async def dated(row: Model, **moments: datetime) -> Model:
    """Set timestamps the ORM fills in itself (`auto_now_add`) to the moment wanted."""
    await type(row).filter(id=row.pk).update(**moments)
    return row


async def session(expires_in: timedelta) -> Model:
    moment = now()
    return await Session.create(
        user=await a_user(),
        token_hash=new_token(),
        last_seen_at=moment,
        expires_at=moment + expires_in,
    )


async def token(expires_in: timedelta, used_ago: timedelta | None = None) -> Model:
    moment = now()
    return await AuthToken.create(
        user=await a_user(),
        purpose=TokenPurpose.RESET_PASSWORD,
        token_hash=new_token(),
        expires_at=moment + expires_in,
        used_at=None if used_ago is None else moment - used_ago,
    )


async def email(status: OutboxStatus, age: timedelta) -> Model:
    row = await OutboxMessage.create(
        kind="test",
        to_address="someone@example.org",
        subject="Hello",
        text_body="",
        html_body="",
        status=status,
        next_attempt_at=now() - age,
    )
    return await dated(row, created_at=now() - age)


async def login_failure(age: timedelta) -> Model:
    row = await LoginFailure.create(email="someone@example.org")
    return await dated(row, created_at=now() - age)


async def activity(age: timedelta) -> Model:
    owner = await a_user()
    dataset = await Dataset.create(owner=owner, name="Kidney", kind=DatasetKind.IMAGE)
    return await Activity.create(
        dataset=dataset, kind=ActivityKind.DOWNLOADED, at=now() - age, actor=owner
    )


@dataclass
class Case:
    what: str
    make: Callable[[], Awaitable[Model]]
    removed: bool


CASES = [
    Case("a session expired a minute ago", lambda: session(-MINUTE), True),
    Case("a session expiring in a minute", lambda: session(MINUTE), False),
    Case("a token expired a minute ago", lambda: token(-MINUTE), True),
    Case("an unused token expiring in a minute", lambda: token(MINUTE), False),
    Case("a token used an hour and a minute ago", lambda: token(DAY, HOUR + MINUTE), True),
    Case("a token used 59 minutes ago", lambda: token(DAY, HOUR - MINUTE), False),
    Case(
        "an email sent 7 days and a minute ago",
        lambda: email(OutboxStatus.SENT, 7 * DAY + MINUTE),
        True,
    ),
    Case(
        "an email sent 7 days less a minute ago",
        lambda: email(OutboxStatus.SENT, 7 * DAY - MINUTE),
        False,
    ),
    Case(
        "an email failed 7 days and a minute ago",
        lambda: email(OutboxStatus.FAILED, 7 * DAY + MINUTE),
        True,
    ),
    Case(
        "an email failed 7 days less a minute ago",
        lambda: email(OutboxStatus.FAILED, 7 * DAY - MINUTE),
        False,
    ),
    Case("an email pending for 8 days", lambda: email(OutboxStatus.PENDING, 8 * DAY), False),
    Case("an email being sent for 8 days", lambda: email(OutboxStatus.SENDING, 8 * DAY), False),
    Case("a login failure 16 minutes old", lambda: login_failure(16 * MINUTE), True),
    Case("a login failure 14 minutes old", lambda: login_failure(14 * MINUTE), False),
    Case("activity 365 days and a minute old", lambda: activity(365 * DAY + MINUTE), True),
    Case("activity 365 days less a minute old", lambda: activity(365 * DAY - MINUTE), False),
]


def a_file(settings: Settings, name: str, age: timedelta) -> Path:
    path = settings.uploads_dir / name[1:3] / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"bytes")
    moment = time.time() - age.total_seconds()
    os.utime(path, (moment, moment))
    return path


FILE_CASES = [
    (
        "a .part file untouched for an hour and a minute",
        ".Ab3kx9QzPq0LmN2vWtY7.part",
        HOUR + MINUTE,
        True,
    ),
    ("a .part file written to 59 minutes ago", ".Cd4lY0RaQr1MnO3wXuZ8.part", HOUR - MINUTE, False),
    ("a stored file untouched for a year", "Ef5mZ1SbRs2NoP4xYvA9", 365 * DAY, False),
]


async def test_each_rule_removes_exactly_what_has_outlived_its_use(
    start_service: ServiceFactory, caplog: pytest.LogCaptureFixture
) -> None:
    service = await start_service(EMAIL_WORKER="off")
    settings = service.settings
    rows = [(case, await case.make()) for case in CASES]
    files = [
        (what, a_file(settings, name, age), removed) for what, name, age, removed in FILE_CASES
    ]
    caplog.set_level(logging.INFO, logger="datashare.housekeeping")

    reports = await run_housekeeping(settings, batch=2)

    for case, row in rows:
        exists = await type(row).filter(id=row.pk).exists()
        assert exists != case.removed, f"{case.what}: {'kept' if exists else 'removed'}"
    for what, path, removed in files:
        assert path.exists() != removed, f"{what}: {'kept' if path.exists() else 'removed'}"
    removed_by_job = {report.job: report.removed for report in reports}
    assert removed_by_job == {
        "expired sessions": 1,
        "expired tokens": 1,
        "used tokens": 1,
        "old emails": 2,
        "old login failures": 1,
        "half-written files": 1,
        # Resumable uploads have tests of their own (tests/web/test_tus.py).
        "expired resumable uploads": 0,
        "old activity": 1,
    }
    assert not any(report.failed for report in reports)
    # One line per job, saying what it removed.
    logged = [r for r in caplog.records if r.name == "datashare.housekeeping"]
    assert [r.fields["job"] for r in logged] == [job.name for job in registered_jobs()]  # type: ignore[attr-defined]
    assert "old emails: removed 2" in logged[3].getMessage()


async def test_activity_is_kept_activity_days(start_service: ServiceFactory) -> None:
    service = await start_service(EMAIL_WORKER="off", ACTIVITY_DAYS="30")
    old, recent = await activity(30 * DAY + MINUTE), await activity(30 * DAY - MINUTE)

    reports = await run_housekeeping(service.settings)

    assert next(r.removed for r in reports if r.job == "old activity") == 1
    assert [row.id for row in await Activity.all()] == [recent.pk]
    assert not await Activity.filter(id=old.pk).exists()


async def test_many_rows_go_in_batches(start_service: ServiceFactory) -> None:
    service = await start_service(EMAIL_WORKER="off")
    for _ in range(25):
        await login_failure(HOUR)
    await login_failure(MINUTE)

    reports = await run_housekeeping(service.settings, batch=10)

    report = next(r for r in reports if r.job == "old login failures")
    assert (report.removed, report.batches) == (25, 3)
    assert await LoginFailure.all().count() == 1


async def test_two_workers_purging_at_once_remove_each_row_once(
    start_service: ServiceFactory,
) -> None:
    """Two runs at once, each through its own connections (on PostgreSQL they lock rows
    with SKIP LOCKED): no errors, every old row removed, none counted twice."""
    service = await start_service(EMAIL_WORKER="off")
    moment = now()
    user = await a_user()
    await Session.bulk_create(
        [
            Session(
                user=user, token_hash=new_token(), last_seen_at=moment, expires_at=moment - MINUTE
            )
            for _ in range(150)
        ]
    )
    await LoginFailure.bulk_create([LoginFailure(email=f"p{n}@example.org") for n in range(150)])
    await LoginFailure.all().update(created_at=moment - HOUR)
    await login_failure(MINUTE)

    first, second = await asyncio.gather(
        run_housekeeping(service.settings, batch=7), run_housekeeping(service.settings, batch=7)
    )

    for job in ("expired sessions", "old login failures"):
        counts = [next(r for r in run if r.job == job) for run in (first, second)]
        assert not any(report.failed for report in counts)
        assert sum(report.removed for report in counts) == 150
    assert await Session.all().count() == 0
    assert await LoginFailure.all().count() == 1


async def test_a_registered_job_runs_and_a_failing_job_stops_no_other(
    start_service: ServiceFactory,
) -> None:
    service = await start_service(EMAIL_WORKER="off")
    await login_failure(HOUR)
    seen: list[int] = []

    async def failing(settings: Settings, moment: datetime, limit: int) -> int:
        seen.append(limit)
        raise RuntimeError("the store does not answer")

    registered = list(registry._JOBS)
    register(Job("a job that fails", failing))
    try:
        reports = await run_housekeeping(service.settings)
    finally:
        registry._JOBS[:] = registered

    assert seen == [500]
    assert [r.job for r in reports if r.failed] == ["a job that fails"]
    assert next(r for r in reports if r.job == "old login failures").removed == 1


async def test_the_worker_runs_housekeeping_after_its_first_delay(
    start_service: ServiceFactory,
) -> None:
    service = await start_service(EMAIL_WORKER="off")
    await session(-MINUTE)
    worker = HousekeepingWorker(service.settings, first_run=0.0)
    worker.start()
    try:
        deadline = asyncio.get_running_loop().time() + 30
        while await Session.all().exists():
            assert asyncio.get_running_loop().time() < deadline, "housekeeping never ran"
            await asyncio.sleep(0.02)
    finally:
        await worker.stop()


def test_a_worker_schedules_its_first_run_within_a_minute_then_hourly() -> None:
    settings = load_settings(env_file=None)
    for _ in range(50):
        worker = HousekeepingWorker(settings)
        assert 0 < worker.first_run < 60
        assert worker.interval == 3600
