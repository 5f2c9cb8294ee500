"""File bytes over plain HTTP: `PUT /uploads/datasets/{id}`, `GET|HEAD /files/datasets/{id}`.

Access is asked of the services on every request, with the session of that request, so
revoking access ends downloads at once; nothing here is cached.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import quote

from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response, StreamingResponse

from services import uploads
from services.errors import DomainError, ErrorCode
from services.ids import decode_pk
from services.storage import TooLarge, read_range
from services.uploads import Download
from web.auth import authenticate, cookie_may_act

log = logging.getLogger("datashare.files")

_STATUS = {
    ErrorCode.UNAUTHENTICATED: 401,
    ErrorCode.FORBIDDEN: 403,
    ErrorCode.NOT_FOUND: 404,
    ErrorCode.INVALID_INPUT: 400,
}
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def _error(status: int, message: str, code: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


async def upload(request: Request) -> Response:
    settings = request.app.state.settings
    auth = await authenticate(request, settings, allow_cookie=cookie_may_act(request))
    if auth.user is None:
        return _error(401, "Log in to upload.", ErrorCode.UNAUTHENTICATED)
    try:
        declared = int(request.headers["content-length"])
    except (KeyError, ValueError):
        declared = None
    try:
        stored = await uploads.receive_upload(
            auth.user,
            decode_pk(request.path_params["dataset_id"], "Dataset"),
            request.stream(),
            declared_length=declared,
            file_name=uploads.file_name_from(request.headers.get("content-disposition")),
            content_type=uploads.content_type_from(request.headers.get("content-type")),
            settings=settings,
        )
    except TooLarge:
        limit = settings.max_upload_bytes
        return _error(413, f"The file is larger than {limit} bytes.", "PAYLOAD_TOO_LARGE")
    except DomainError as error:
        return _error(_STATUS.get(error.code, 400), error.message, error.code)
    except ClientDisconnect:
        log.info("upload to %s abandoned by the client", request.path_params["dataset_id"])
        return Response(status_code=400)
    return JSONResponse({"sha256": stored.sha256, "sizeBytes": stored.size}, status_code=201)


def content_disposition(file_name: str) -> str:
    """RFC 6266: an ASCII fallback and the exact name as UTF-8, safe for any name."""
    fallback = "".join(
        ch if 0x20 <= ord(ch) < 0x7F and ch not in '"\\' else "_" for ch in file_name
    )
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(file_name, safe='')}"


def _byte_range(header: str | None, size: int) -> tuple[int, int] | bool | None:
    """(start, end inclusive) for one satisfiable range; None for the whole file;
    False when the range cannot be satisfied."""
    if not header:
        return None
    found = _RANGE.match(header.strip())
    if not found:
        return None  # several ranges or another unit: answer with the whole file
    first, last = found.groups()
    if not first and not last:
        return None
    if not first:  # the last N bytes
        suffix = int(last)
        if suffix == 0 or size == 0:
            return False
        return max(0, size - suffix), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or (last and int(last) < start):
        return False
    return start, end


async def download(request: Request) -> Response:
    settings = request.app.state.settings
    auth = await authenticate(request, settings, allow_cookie=True)
    viewer_id = auth.user.id if auth.user else None
    try:
        found = await uploads.download_of(
            viewer_id, decode_pk(request.path_params["dataset_id"], "Dataset")
        )
    except DomainError:
        return _error(404, "Not found.", ErrorCode.NOT_FOUND)
    return _file_response(request, found)


def _file_response(request: Request, found: Download) -> Response:
    etag = f'"{found.sha256}"'
    headers = {
        "ETag": etag,
        "Accept-Ranges": "bytes",
        "Content-Disposition": content_disposition(found.file_name),
        "X-Content-Type-Options": "nosniff",
        # Never cached: once access is revoked, no copy may answer for it.
        "Cache-Control": "private, no-store",
    }
    if etag in [tag.strip() for tag in request.headers.get("if-none-match", "").split(",")]:
        return Response(status_code=304, headers=headers)
    wanted = request.headers.get("range")
    if_range = request.headers.get("if-range")
    if if_range is not None and if_range.strip() != etag:
        wanted = None  # the client's copy is of another version: send it all
    span = _byte_range(wanted, found.size)
    if span is False:
        headers["Content-Range"] = f"bytes */{found.size}"
        return Response(status_code=416, headers=headers)
    status = 200
    start, end = 0, found.size - 1
    if isinstance(span, tuple):
        start, end = span
        status = 206
        headers["Content-Range"] = f"bytes {start}-{end}/{found.size}"
    length = max(0, end - start + 1)
    headers["Content-Length"] = str(length)
    if request.method == "HEAD":
        return Response(status_code=status, headers=headers, media_type=found.content_type)
    settings = request.app.state.settings
    return StreamingResponse(
        read_range(settings, found.key, start, length),
        status_code=status,
        headers=headers,
        media_type=found.content_type,
    )
