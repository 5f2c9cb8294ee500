"""Receiving a dataset's file whole (`PUT`), and finding a file again for a download."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import AsyncIterator
from dataclasses import dataclass
from email.message import Message

from models import Dataset, User
from services import access, dataset_files, storage
from services.clock import now
from services.datasets import find_visible
from services.errors import NotFound
from services.settings import Settings
from services.storage import StoredFile, TooLarge

DEFAULT_CONTENT_TYPE = "application/octet-stream"
# A file sent without a name (no `Content-Disposition`) is recorded under this one.
DEFAULT_FILE_NAME = "file"
MAX_FILE_NAME = 255
_CONTENT_TYPE = re.compile(r"^[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+(\s*;.*)?$")

__all__ = [
    "Download",
    "TooLarge",
    "download_of",
    "file_name_from",
    "receive_upload",
    "safe_file_name",
]


def file_name_from(content_disposition: str | None) -> str:
    """The client's file name (`filename*` preferred), made safe to record and to send
    back: no directories, no control or direction characters, at most 255 characters
    (the extension kept). Without one, `DEFAULT_FILE_NAME`."""
    name = ""
    if content_disposition:
        header = Message()
        header["Content-Disposition"] = _as_utf8(content_disposition)
        name = header.get_filename() or ""
    return safe_file_name(name)


def safe_file_name(name: str) -> str:
    """A client's file name made safe to record and to send back (see `file_name_from`)."""
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
    """Store the body as the dataset's only file, replacing its files atomically."""
    pk = (await dataset_files.owned(viewer, dataset_id)).dataset.id
    if declared_length is not None and declared_length > settings.max_upload_bytes:
        raise TooLarge()
    stored = await storage.store_stream(
        settings, chunks, settings.max_upload_bytes, size_hint=declared_length
    )
    new = dataset_files.NewFile(file_name, content_type, stored)
    await dataset_files.record_file(viewer, pk, new, settings, only_file=True)
    return stored


@dataclass(frozen=True)
class Download:
    key: str
    file_name: str
    content_type: str
    size: int
    sha256: str


async def download_of(
    viewer_id: int | None, dataset_id: int | None, file_name: str | None = None
) -> Download:
    """The file a viewer may download (the primary one, or the one of that name), asked
    afresh on every request; `NotFound` if none."""
    viewed = await find_visible(viewer_id, dataset_id)
    if not access.permissions(viewer_id, viewed.facts, viewed.viewer_grant_facts).can_download:
        raise NotFound("No such file.")
    return await _download(viewed.dataset, file_name)


async def download_through_link(
    dataset_id: int, link: access.LinkFacts, file_name: str | None = None
) -> Download:
    """The file a reviewer link lets its holder download (the link checked by the caller,
    on this very request); `NotFound` if none."""
    dataset = await Dataset.filter(id=dataset_id).first()
    if dataset is None or not access.may_download_by_link(link, now()):
        raise NotFound("No such file.")
    return await _download(dataset, file_name)


async def _download(dataset: Dataset, file_name: str | None) -> Download:
    if file_name is not None:
        found = await dataset_files.file_named(dataset.id, file_name)
        if found is None:
            raise NotFound("No such file.")
        return Download(found.key, found.name, found.content_type, found.size, found.sha256)
    if not dataset.file_key or dataset.file_size is None or not dataset.file_sha256:
        raise NotFound("This dataset has no file yet.")
    return Download(
        key=dataset.file_key,
        file_name=dataset.file_name or DEFAULT_FILE_NAME,
        content_type=dataset.file_content_type or DEFAULT_CONTENT_TYPE,
        size=dataset.file_size,
        sha256=dataset.file_sha256,
    )
