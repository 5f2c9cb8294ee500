"""Receiving a dataset's file, and finding it again for a download."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import AsyncIterator
from dataclasses import dataclass
from email.message import Message

from tortoise.transactions import in_transaction

from models import User
from services import access, events, storage
from services.clock import now
from services.datasets import find_visible
from services.errors import Forbidden, NotFound
from services.settings import Settings
from services.storage import StoredFile, TooLarge

DEFAULT_CONTENT_TYPE = "application/octet-stream"
# A file sent without a name (no `Content-Disposition`) is recorded under this one.
DEFAULT_FILE_NAME = "file"
MAX_FILE_NAME = 255
_CONTENT_TYPE = re.compile(r"^[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+(\s*;.*)?$")

__all__ = ["Download", "TooLarge", "download_of", "file_name_from", "receive_upload"]


def file_name_from(content_disposition: str | None) -> str:
    """The client's file name (`filename*` preferred), made safe to record and to send
    back: no directories, no control or direction characters, at most 255 characters
    (the extension kept). Without one, `DEFAULT_FILE_NAME`."""
    name = ""
    if content_disposition:
        header = Message()
        header["Content-Disposition"] = _as_utf8(content_disposition)
        name = header.get_filename() or ""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip().strip(".")
    return _shortened(name) or DEFAULT_FILE_NAME


def _as_utf8(header: str) -> str:
    """HTTP headers arrive decoded as Latin-1; clients put raw UTF-8 in `filename="…"`."""
    try:
        return header.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return header


def _shortened(name: str) -> str:
    if len(name) <= MAX_FILE_NAME:
        return name
    stem, dot, extension = name.rpartition(".")
    if dot and stem and len(extension) <= 16:
        return stem[: MAX_FILE_NAME - len(extension) - 1].rstrip() + "." + extension
    return name[:MAX_FILE_NAME]


def content_type_from(header: str | None) -> str:
    value = (header or "").strip()
    return (
        value
        if value and len(value) <= 255 and _CONTENT_TYPE.match(value)
        else (DEFAULT_CONTENT_TYPE)
    )


async def _owned_dataset(viewer: User, dataset_id: int | None) -> int:
    viewed = await find_visible(viewer.id, dataset_id)
    if not access.may_upload(viewer.id, viewed.facts, viewed.viewer_grant_facts):
        raise Forbidden("Only the owner uploads a dataset's file.")
    return viewed.dataset.id


async def receive_upload(
    viewer: User,
    dataset_id: int | None,
    chunks: AsyncIterator[bytes],
    *,
    declared_length: int | None,
    file_name: str,
    content_type: str,
    settings: Settings,
) -> StoredFile:
    """Store the body as the dataset's file, replacing any earlier one atomically."""
    pk = await _owned_dataset(viewer, dataset_id)
    if declared_length is not None and declared_length > settings.max_upload_bytes:
        raise TooLarge()
    stored = await storage.store_stream(settings, chunks, settings.max_upload_bytes)
    try:
        async with in_transaction() as conn:
            viewed = await find_visible(viewer.id, pk, using_db=conn, for_update=True)
            if not access.may_upload(viewer.id, viewed.facts, viewed.viewer_grant_facts):
                raise Forbidden("Only the owner uploads a dataset's file.")
            dataset = viewed.dataset
            replaced = dataset.file_key
            dataset.file_key = stored.key
            dataset.file_name = file_name
            dataset.file_content_type = content_type
            dataset.file_size = stored.size
            dataset.file_sha256 = stored.sha256
            dataset.uploaded_at = now()
            await dataset.save(using_db=conn)
            await events.publish(conn, dataset.id)
    except BaseException:
        await storage.delete_file(settings, stored.key)
        raise
    await storage.delete_file(settings, replaced)
    return stored


@dataclass(frozen=True)
class Download:
    key: str
    file_name: str
    content_type: str
    size: int
    sha256: str


async def download_of(viewer_id: int | None, dataset_id: int | None) -> Download:
    """The file a viewer may download, asked afresh on every request; `NotFound` if none."""
    viewed = await find_visible(viewer_id, dataset_id)
    dataset = viewed.dataset
    if not access.permissions(viewer_id, viewed.facts, viewed.viewer_grant_facts).can_download:
        raise NotFound("No such file.")
    if not dataset.file_key or dataset.file_size is None or not dataset.file_sha256:
        raise NotFound("This dataset has no file yet.")
    return Download(
        key=dataset.file_key,
        file_name=dataset.file_name or DEFAULT_FILE_NAME,
        content_type=dataset.file_content_type or DEFAULT_CONTENT_TYPE,
        size=dataset.file_size,
        sha256=dataset.file_sha256,
    )
