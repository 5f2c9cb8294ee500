"""tus 1.0 resumable uploads at `<uploadUrl>/files`: core, creation, termination, checksum
(sha256) and expiration. The rules and the state live in `services.resumable`; this
module speaks the protocol's headers and status codes.

    OPTIONS <uploadUrl>/files           what the server supports
    POST    <uploadUrl>/files           create (Upload-Length, Upload-Metadata) -> Location
    HEAD    <uploadUrl>/files/{token}   Upload-Offset
    PATCH   <uploadUrl>/files/{token}   append (application/offset+octet-stream)
    DELETE  <uploadUrl>/files/{token}   abandon
"""

from __future__ import annotations

import base64
import binascii
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC
from email.utils import format_datetime

from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response

from models import User
from services import resumable, uploads
from services.errors import DomainError, ErrorCode
from services.ids import decode_pk
from services.resumable import ChecksumMismatch, OffsetMismatch, UploadBusy, UploadState
from services.storage import TooLarge
from web.auth import viewer_of
from web.state import state_of

log = logging.getLogger("datashare.tus")

VERSION = "1.0.0"
EXTENSIONS = "creation,termination,checksum,expiration"
OFFSET_MEDIA_TYPE = "application/offset+octet-stream"


def _headers(extra: dict[str, str] | None = None) -> dict[str, str]:
    return {"Tus-Resumable": VERSION, "Cache-Control": "no-store", **(extra or {})}


def _status(status: int, message: str = "", extra: dict[str, str] | None = None) -> Response:
    return Response(message, status_code=status, headers=_headers(extra), media_type="text/plain")


def _position(state: UploadState) -> dict[str, str]:
    return {
        "Upload-Offset": str(state.offset),
        "Upload-Length": str(state.length),
        "Upload-Expires": format_datetime(state.expires_at.astimezone(UTC), usegmt=True),
    }


def _options(request: Request) -> Response:
    return Response(
        status_code=204,
        headers=_headers(
            {
                "Tus-Version": VERSION,
                "Tus-Extension": EXTENSIONS,
                "Tus-Max-Size": str(state_of(request).settings.max_upload_bytes),
                "Tus-Checksum-Algorithm": "sha256",
            }
        ),
    )


def _metadata(header: str | None) -> dict[str, str]:
    """`Upload-Metadata`: comma-separated `key base64value` pairs (the value optional)."""
    found: dict[str, str] = {}
    for pair in (header or "").split(","):
        key, _, encoded = pair.strip().partition(" ")
        if not key:
            continue
        try:
            found[key] = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            raise ValueError(f"Upload-Metadata {key} is not base64 UTF-8.") from None
    return found


def _viewer(request: Request) -> User | None:
    return viewer_of(request).user


async def creation(request: Request) -> Response:
    """`OPTIONS` and `POST <uploadUrl>/files`."""
    if request.method == "OPTIONS":
        return _options(request)
    return await _guarded(request, _create)


async def upload(request: Request) -> Response:
    """`OPTIONS`, `HEAD`, `PATCH` and `DELETE <uploadUrl>/files/{token}`."""
    if request.method == "OPTIONS":
        return _options(request)
    handler: Handler = {"HEAD": _head, "PATCH": _patch, "DELETE": _delete}[request.method]
    return await _guarded(request, handler)


Handler = Callable[[Request, User], Awaitable[Response]]


async def _guarded(request: Request, handler: Handler) -> Response:
    if request.headers.get("tus-resumable") != VERSION:
        return _status(412, "Tus-Resumable 1.0.0 is required.", {"Tus-Version": VERSION})
    viewer = _viewer(request)
    if viewer is None:
        return _status(401, "Log in to upload.", {"WWW-Authenticate": "Bearer"})
    try:
        return await handler(request, viewer)
    except TooLarge:
        limit = state_of(request).settings.max_upload_bytes
        return _status(413, f"The file is larger than {limit} bytes.")
    except OffsetMismatch:
        return _status(409, "Upload-Offset is not where the upload stands; ask with HEAD.")
    except UploadBusy:
        return _status(423, "Another request is appending to this upload.")
    except ChecksumMismatch:
        return _status(460, "The bytes do not match Upload-Checksum; none were kept.")
    except DomainError as error:
        if error.code in (ErrorCode.NOT_FOUND, ErrorCode.FORBIDDEN):
            # As for downloads: whoever is not the owner learns nothing.
            return _status(404, "Not found.")
        return _status(400, error.message)


def _dataset_pk(request: Request) -> int | None:
    return decode_pk(request.path_params["dataset_id"], "Dataset")


async def _create(request: Request, viewer: User) -> Response:
    settings = state_of(request).settings
    if request.headers.get("upload-defer-length"):
        return _status(400, "Upload-Defer-Length is not supported: send Upload-Length.")
    try:
        length = int(request.headers["upload-length"])
        metadata = _metadata(request.headers.get("upload-metadata"))
    except KeyError:
        return _status(400, "Upload-Length is required.")
    except ValueError as error:
        return _status(400, str(error) if "Metadata" in str(error) else "Bad Upload-Length.")
    state = await resumable.create(
        viewer,
        _dataset_pk(request),
        length,
        uploads.safe_file_name(metadata.get("filename", "")),
        uploads.content_type_from(metadata.get("filetype")),
        settings,
    )
    location = settings.url(
        f"/uploads/datasets/{request.path_params['dataset_id']}/files/{state.token}"
    )
    extra = {"Location": location, **_position(state)}
    return _status(201, "", extra)


async def _head(request: Request, viewer: User) -> Response:
    state = await resumable.find(
        viewer, _dataset_pk(request), request.path_params["token"], state_of(request).settings
    )
    return Response(status_code=200, headers=_headers(_position(state)))


async def _patch(request: Request, viewer: User) -> Response:
    if request.headers.get("content-type", "").split(";")[0].strip() != OFFSET_MEDIA_TYPE:
        return _status(415, f"PATCH takes Content-Type: {OFFSET_MEDIA_TYPE}.")
    try:
        offset = int(request.headers["upload-offset"])
    except (KeyError, ValueError):
        return _status(400, "Upload-Offset is required.")
    checksum = resumable.parse_checksum(request.headers.get("upload-checksum"))
    try:
        state = await resumable.append(
            viewer,
            _dataset_pk(request),
            request.path_params["token"],
            offset,
            request.stream(),
            checksum,
            state_of(request).settings,
        )
    except ClientDisconnect:
        log.info("a resumable upload was interrupted by its client; it can be resumed")
        return Response(status_code=400)
    return Response(status_code=204, headers=_headers(_position(state)))


async def _delete(request: Request, viewer: User) -> Response:
    await resumable.abandon(
        viewer, _dataset_pk(request), request.path_params["token"], state_of(request).settings
    )
    return Response(status_code=204, headers=_headers())
