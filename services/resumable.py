"""Resumable uploads (the service side of tus 1.0): create, append, tell, abandon, expire.

The database holds what an upload has durably received: its offset, the storage state to
resume from, and the SHA-256 state after exactly those bytes (`ResumableSha256`), so each
byte is stored and hashed once, whichever server receives it and however often the
connection drops or the server restarts. Bytes are made durable at checkpoints: at the
end of each request, whenever another `CHECKPOINT_BYTES` have been stored (unless the
request carries a checksum, which covers the request as a whole), and when a client
leaves halfway. Storage is cut back to the recorded offset on resume.

One request appends at a time: it takes a lease on the row, renews it while it runs,
and records its progress only while it still holds it. A request costs two statements
besides the session's, written out (they run for every 8 MiB or so of every upload): the
upload leased and read back in one, with the access rule's SQL form in it; the progress
recorded, letting go of the lease. Only when the lease is refused do more statements say
why (not found, another offset, busy).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import json
import secrets
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from tortoise import connections

from models import Dataset, ResumableUpload, User
from services import access, dataset_files, storage
from services.clock import now
from services.datasets import dataset_facts
from services.errors import InvalidInput, NotFound
from services.settings import Settings
from services.sha256state import ResumableSha256
from services.storage import StoredFile, TooLarge

CHECKPOINT_BYTES = 8 * 1024 * 1024
PURGE_BATCH = 50


class OffsetMismatch(Exception):
    """The client's `Upload-Offset` is not where the upload stands."""


class UploadBusy(Exception):
    """Another request is appending to this upload."""


class ChecksumMismatch(Exception):
    """The request's bytes do not match its `Upload-Checksum`; none of them were kept."""


@dataclass(frozen=True)
class UploadState:
    token: str
    offset: int
    length: int
    expires_at: datetime
    file_name: str
    content_type: str


def _state(upload: ResumableUpload) -> UploadState:
    return UploadState(
        upload.token,
        upload.offset,
        upload.length,
        upload.expires_at,
        upload.file_name,
        upload.content_type,
    )


def _expiry(settings: Settings) -> datetime:
    return now() + timedelta(hours=settings.upload_expiry_hours)


async def create(
    viewer: User,
    dataset_id: int | None,
    length: int,
    file_name: str,
    content_type: str,
    settings: Settings,
) -> UploadState:
    """Begin an upload of `length` bytes (the owner only); an empty one is done at once."""
    pk = (await dataset_files.owned(viewer, dataset_id)).dataset.id
    if length < 0:
        raise InvalidInput("Upload-Length is a number of bytes.", field="Upload-Length")
    if length > settings.max_upload_bytes:
        raise TooLarge()
    key = storage.new_key()
    state = await storage.backend(settings).start_partial(key, length)
    upload = await ResumableUpload.create(
        token=secrets.token_urlsafe(24),
        dataset_id=pk,
        file_name=file_name,
        content_type=content_type,
        length=length,
        storage_key=key,
        storage_state=json.dumps(state),
        hash_state=ResumableSha256().state(),
        expires_at=_expiry(settings),
    )
    if length == 0:
        await append(viewer, pk, upload.token, 0, _nothing(), None, settings)
    return _state(upload)


async def _nothing() -> AsyncIterator[bytes]:
    return
    yield b""


# The statements every request of an upload runs, with `{}` for each parameter.
_UPLOAD_COLUMNS = (*ResumableUpload._meta.fields_db_projection.values(), "dataset_id")
_DATASET_COLUMNS = ("id", "owner_id", "kind", "is_public")
_FIND = (
    "SELECT "
    + ", ".join(f'u."{column}" AS "u_{column}"' for column in _UPLOAD_COLUMNS)
    + ", "
    + ", ".join(f'd."{column}" AS "d_{column}"' for column in _DATASET_COLUMNS)
    + f' FROM "{ResumableUpload._meta.db_table}" u'
    + f' JOIN "{Dataset._meta.db_table}" d ON d."id" = u."dataset_id"'
    + ' WHERE u."token" = {} AND u."dataset_id" = {}'
)
_TAKE_LEASE = (
    f'UPDATE "{ResumableUpload._meta.db_table}" SET "lease" = {{}}, "leased_until" = {{}}'
    ' WHERE "id" = {} AND "offset" = {} AND ("lease" IS NULL OR "leased_until" < {})'
)
# On PostgreSQL neither statement waits for the WAL to reach the disk (which costs each
# 8 MiB of an upload a disk flush more). A lease needs no durability of its own: one lost
# with a crashed database only frees an upload its holder can no longer append to. Nor
# does progress: the bytes it records are on the disk before it is written (`checkpoint`
# syncs them), so a record lost with a crashed database (the last few hundred ms of
# progress; never with a server restarted) only makes the upload stand at an earlier
# offset, where its file is cut back on resume and the client sends the rest again, as
# tus clients do after asking with HEAD. An upload's end (the file added to the dataset)
# is committed durably, and with it every record before it.
_NEED_NOT_WAIT = " AND set_config('synchronous_commit', 'off', true) IS NOT NULL"
_RECORD = (
    f'UPDATE "{ResumableUpload._meta.db_table}" SET "offset" = {{}}, "storage_state" = {{}},'
    ' "hash_state" = {}, "expires_at" = {}, "lease" = {}, "leased_until" = {}'
    ' WHERE "id" = {} AND "lease" = {}'
)


_UPLOADS = ResumableUpload._meta.db_table
_RETURNED = ", ".join(f'"{column}"' for column in _UPLOAD_COLUMNS)


async def take(
    viewer_id: int | None,
    dataset_id: int,
    token: str,
    offset: int,
    lease: str,
    settings: Settings,
) -> ResumableUpload | None:
    """The upload, leased as `lease` and read back in one statement, if the viewer may
    append to it (`access.may_upload_sql`), it stands at `offset`, has not expired and no
    other request holds it; None otherwise."""
    connection = connections.get("default")
    dialect = connection.capabilities.dialect
    param = access.SqlParams(dialect)
    end = now() + timedelta(seconds=settings.upload_lease_seconds)
    statement = (
        f'UPDATE "{_UPLOADS}" SET "lease" = {param(lease)}, "leased_until" = {param.time(end)}'
        f' WHERE "token" = {param(token)} AND "dataset_id" = {param(dataset_id)}'
        f' AND "offset" = {param(offset)} AND "expires_at" > {param.now()}'
        f' AND ("lease" IS NULL OR "leased_until" < {param.now()})'
        f' AND EXISTS (SELECT 1 FROM "{Dataset._meta.db_table}" d'
        f' WHERE d."id" = "{_UPLOADS}"."dataset_id"'
        f" AND {access.may_upload_sql('d', viewer_id, param)})"
        + (_NEED_NOT_WAIT if dialect == "postgres" else "")
        + f" RETURNING {_RETURNED}"
    )
    rows = await connection.execute_query_dict(statement, param.values)  # rows, not a count
    if not rows:
        return None
    return ResumableUpload._init_from_db(**rows[0])


async def _execute(
    statement: str, *values: object, on_postgres: str = ""
) -> tuple[int, list[dict[str, object]]]:
    """Run one of the statements above (followed by `on_postgres` there): the rows
    changed, the rows read."""
    connection = connections.get("default")
    if connection.capabilities.dialect == "postgres":
        marks = [f"${number}" for number in range(1, len(values) + 1)]
        statement += on_postgres
    else:
        marks = ["?"] * len(values)
    changed, rows = await connection.execute_query(statement.format(*marks), list(values))
    return changed, [dict(row) for row in rows]


async def _find(viewer: User, dataset_id: int | None, token: str) -> ResumableUpload:
    """The upload, read with its dataset in one statement (it is asked on every request
    of an upload), if the viewer may append to it.

    Only the owner uploads (`access.may_upload`): the dataset's grants cannot change that
    answer, so they are not read here (`dataset_files.owned` reads them for the rest)."""
    if dataset_id is None:
        raise NotFound("No such upload.")
    _, rows = await _execute(_FIND, token, dataset_id)
    if not rows:
        raise NotFound("No such upload.")
    row = rows[0]
    upload = ResumableUpload._init_from_db(**{c: row[f"u_{c}"] for c in _UPLOAD_COLUMNS})
    dataset = Dataset._init_from_db(**{c: row[f"d_{c}"] for c in _DATASET_COLUMNS})
    if upload.expires_at <= now():
        raise NotFound("No such upload.")
    if not access.may_upload(viewer.id, dataset_facts(dataset, has_grants=False), None):
        raise NotFound("No such upload.")  # a stranger learns nothing of it
    return upload


async def find(viewer: User, dataset_id: int | None, token: str, settings: Settings) -> UploadState:
    """Where an upload stands. One whose every byte is stored but which is not yet a file
    (the server stopped in between) becomes one now."""
    upload = await _find(viewer, dataset_id, token)
    if upload.offset == upload.length and upload.lease is None:
        await _finish(viewer, upload, settings)
    return _state(upload)


async def abandon(viewer: User, dataset_id: int | None, token: str, settings: Settings) -> None:
    upload = await _find(viewer, dataset_id, token)
    if not await _take_lease(upload, secrets.token_hex(16), settings):
        raise UploadBusy()
    await _remove(upload, settings)


async def _remove(upload: ResumableUpload, settings: Settings) -> None:
    await ResumableUpload.filter(id=upload.id).delete()
    await storage.abandon_partial(settings, upload.storage_key, json.loads(upload.storage_state))


def _lease_end(settings: Settings) -> datetime:
    return now() + timedelta(seconds=settings.upload_lease_seconds)


async def _take_lease(upload: ResumableUpload, lease: str, settings: Settings) -> bool:
    moment = now()
    end = moment + timedelta(seconds=settings.upload_lease_seconds)
    taken, _ = await _execute(
        _TAKE_LEASE, lease, end, upload.id, upload.offset, moment, on_postgres=_NEED_NOT_WAIT
    )
    return taken == 1


async def _renew_lease(upload_id: int, lease: str, settings: Settings) -> bool:
    renewed = await ResumableUpload.filter(id=upload_id, lease=lease).update(
        leased_until=_lease_end(settings)
    )
    return renewed == 1


class _LeaseLost(UploadBusy):
    """Another request took the upload over (this one stalled past its lease)."""


async def _keep_lease(
    upload_id: int, lease: str, holder: asyncio.Future[int], settings: Settings
) -> None:
    while True:
        await asyncio.sleep(settings.upload_lease_seconds / 3)
        if not await _renew_lease(upload_id, lease, settings):
            holder.cancel()
            return


def parse_checksum(header: str | None) -> bytes | None:
    """`Upload-Checksum: sha256 <base64>` as the digest it names; `InvalidInput` for any
    other algorithm or a malformed value."""
    if header is None:
        return None
    algorithm, _, encoded = header.strip().partition(" ")
    if algorithm.lower() != "sha256":
        raise InvalidInput("Only sha256 checksums are supported.", field="Upload-Checksum")
    try:
        digest = base64.b64decode(encoded.strip(), validate=True)
    except (binascii.Error, ValueError):
        digest = b""
    if len(digest) != 32:
        raise InvalidInput("The checksum is not a base64 SHA-256 digest.", field="Upload-Checksum")
    return digest


async def append(
    viewer: User,
    dataset_id: int | None,
    token: str,
    offset: int,
    chunks: AsyncIterator[bytes],
    checksum: bytes | None,
    settings: Settings,
) -> UploadState:
    """Append a request's bytes at `offset`; the upload as it stands after them. The last
    byte makes it a file of the dataset (replacing the file of the same name)."""
    if dataset_id is None:
        raise NotFound("No such upload.")
    lease = secrets.token_hex(16)
    upload = await take(viewer.id, dataset_id, token, offset, lease, settings)
    if upload is None:
        # Why not, read as `find` reads it (a stranger learns nothing of it).
        if offset != (await _find(viewer, dataset_id, token)).offset:
            raise OffsetMismatch()
        raise UploadBusy()
    writer = asyncio.ensure_future(_write(upload, lease, chunks, checksum, settings))
    keeper = asyncio.ensure_future(_keep_lease(upload.id, lease, writer, settings))
    try:
        await writer
    except asyncio.CancelledError:
        current = asyncio.current_task()
        if current is not None and current.cancelling():
            raise  # the request itself is being cancelled (the server stopping)
        raise UploadBusy() from None  # the lease was lost while writing
    finally:
        keeper.cancel()
        if not (writer.done() and not writer.cancelled() and writer.exception() is None):
            await asyncio.shield(
                ResumableUpload.filter(id=upload.id, lease=lease).update(
                    lease=None, leased_until=None
                )
            )
    if upload.offset == upload.length:
        await _finish(viewer, upload, settings)
    return _state(upload)


async def _write(
    upload: ResumableUpload,
    lease: str,
    chunks: AsyncIterator[bytes],
    checksum: bytes | None,
    settings: Settings,
) -> int:
    """Store and hash the request's bytes, recording progress at checkpoints. The storage
    hands each stored byte to the hash in its worker thread, beside the event loop."""
    hasher = ResumableSha256(upload.hash_state)
    request_digest = hashlib.sha256() if checksum is not None else None

    def observe(block: bytes | memoryview) -> None:
        hasher.update(block)
        if request_digest is not None:
            request_digest.update(block)

    state = json.loads(upload.storage_state)
    appender = await storage.backend(settings).resume_partial(
        upload.storage_key, state, upload.offset, observe
    )
    position = upload.offset
    recorded = upload.offset

    async def record(last: bool = False) -> storage.PartialState:
        return await _record(upload, lease, appender, state, hasher, position, settings, last)

    try:
        async for chunk in chunks:
            if not chunk:
                continue  # Starlette ends a body with an empty one
            if (
                request_digest is None
                and position - recorded >= CHECKPOINT_BYTES
                and appender.unflushed == 0
            ):
                # Checked as more bytes arrive, so that the request's end is never
                # recorded twice.
                state = await record()
                recorded = position
            if position + len(chunk) > upload.length:
                raise InvalidInput("More bytes than Upload-Length.", field="Upload-Offset")
            await appender.write(chunk)
            position += len(chunk)
        if request_digest is not None:
            await appender.settle()
            if request_digest.digest() != checksum:
                raise ChecksumMismatch()
        await record(last=True)  # and lets go of the upload
        return position
    except BaseException:
        if request_digest is None and position > recorded:
            # The client left (or the server is stopping): keep what arrived.
            try:
                await asyncio.shield(record())
            except Exception:
                pass
        raise
    finally:
        await appender.aclose()


async def _record(
    upload: ResumableUpload,
    lease: str,
    appender: storage.Appender,
    previous: storage.PartialState,
    hasher: ResumableSha256,
    position: int,
    settings: Settings,
    release: bool = False,
) -> storage.PartialState:
    state = await appender.checkpoint()
    expires_at = _expiry(settings)
    storage_state, hash_state = json.dumps(state), hasher.state()
    saved, _ = await _execute(
        _RECORD,
        position,
        storage_state,
        hash_state,
        expires_at,
        None if release else lease,
        None if release else _lease_end(settings),
        upload.id,
        lease,
        on_postgres=_NEED_NOT_WAIT,
    )
    if saved != 1:
        raise _LeaseLost()
    upload.offset = position
    upload.storage_state = storage_state
    upload.hash_state = hash_state
    upload.expires_at = expires_at
    await appender.release(previous)
    return state


async def _finish(viewer: User, upload: ResumableUpload, settings: Settings) -> None:
    """Every byte is recorded: make the partial a stored file (again, if a server stopped
    halfway through) and add it to the dataset."""
    await storage.backend(settings).complete_partial(
        upload.storage_key, json.loads(upload.storage_state)
    )
    stored = StoredFile(
        upload.storage_key, upload.length, ResumableSha256(upload.hash_state).hexdigest()
    )
    new = dataset_files.NewFile(upload.file_name, upload.content_type, stored)
    await dataset_files.record_file(
        viewer, upload.dataset_id, new, settings, only_file=False, finished_upload=upload.id
    )


async def purge_expired(settings: Settings, limit: int = PURGE_BATCH) -> int:
    """Remove unfinished uploads past `UPLOAD_EXPIRY_HOURS` (and not being appended to):
    one small batch, safe with several workers. The number removed."""
    moment = now()
    removed = 0
    expired = await ResumableUpload.filter(expires_at__lt=moment).order_by("id").limit(limit)
    for upload in expired:
        if await _take_lease(upload, secrets.token_hex(16), settings):
            await _remove(upload, settings)
            removed += 1
    return removed
