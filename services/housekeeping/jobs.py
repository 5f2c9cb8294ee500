"""The built-in housekeeping jobs (SPEC section 17). Add a job with one line in `JOBS`."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from pathlib import Path

import anyio.to_thread
from tortoise.expressions import Q

from models import Activity, AuthToken, LoginFailure, OutboxMessage, OutboxStatus, Session
from services import resumable
from services.housekeeping.registry import Job, register, rows_matching
from services.login_throttle import WINDOW as LOGIN_THROTTLE_WINDOW
from services.settings import Settings

# Sent and failed emails stay a week (for questions like "did my invitation go out?").
OUTBOX_KEPT = timedelta(days=7)
# Used tokens stay an hour: the quota of password-reset emails per hour counts them.
USED_TOKENS_KEPT = timedelta(hours=1)
# An upload writes its temporary file at least every MiB; one untouched for an hour was
# left by a server that stopped mid-upload.
PART_FILES_KEPT = timedelta(hours=1)
PART_FILE_GLOB = "*/.*.part"


def _half_written_files(folder: Path, older_than: float, limit: int) -> int:
    if not folder.is_dir():
        return 0
    removed = 0
    for path in folder.glob(PART_FILE_GLOB):
        if removed >= limit:
            break
        try:
            if path.stat().st_mtime >= older_than:
                continue
            path.unlink()
        except FileNotFoundError:
            continue  # finished meanwhile, or another worker removed it
        removed += 1
    return removed


async def purge_half_written_files(settings: Settings, moment: datetime, limit: int) -> int:
    """The `.part` files under `DATA_DIR/files` untouched for an hour."""
    cutoff = time.time() - PART_FILES_KEPT.total_seconds()
    return await anyio.to_thread.run_sync(_half_written_files, settings.uploads_dir, cutoff, limit)


async def purge_expired_uploads(settings: Settings, moment: datetime, limit: int) -> int:
    """Unfinished resumable uploads past `UPLOAD_EXPIRY_HOURS`, with their stored bytes."""
    return await resumable.purge_expired(settings, limit)


JOBS = (
    Job(
        "expired sessions",
        rows_matching(Session, lambda settings, moment: Q(expires_at__lte=moment)),
    ),
    Job(
        "expired tokens",
        rows_matching(AuthToken, lambda settings, moment: Q(expires_at__lte=moment)),
    ),
    Job(
        "used tokens",
        rows_matching(
            AuthToken, lambda settings, moment: Q(used_at__lte=moment - USED_TOKENS_KEPT)
        ),
    ),
    Job(
        "old emails",
        rows_matching(
            OutboxMessage,
            lambda settings, moment: Q(
                status__in=[OutboxStatus.SENT, OutboxStatus.FAILED],
                created_at__lte=moment - OUTBOX_KEPT,
            ),
        ),
    ),
    Job(
        "old login failures",
        rows_matching(
            LoginFailure, lambda settings, moment: Q(created_at__lte=moment - LOGIN_THROTTLE_WINDOW)
        ),
    ),
    Job("half-written files", purge_half_written_files),
    Job("expired resumable uploads", purge_expired_uploads),
    Job(
        "old activity",
        rows_matching(
            Activity, lambda settings, moment: Q(at__lte=moment - settings.activity_lifetime)
        ),
    ),
)

for _job in JOBS:
    register(_job)
