"""File bytes over plain HTTP: `PUT /uploads/datasets/{id}`, `GET|HEAD /files/datasets/{id}`
(the primary file) and `GET|HEAD /files/datasets/{id}/{filename}` (any one file).

Access is asked of the services on every request, with the session of that request, so
revoking access ends downloads at once; nothing here is cached.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import quote

import anyio
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send

from services import activity, links, storage, uploads
from services.errors import DomainError, ErrorCode
from services.ids import decode_pk
from services.storage import TooLarge
from services.uploads import Download
from web.auth import viewer_of
from web.state import state_of

log = logging.getLogger("datashare.files")

_STATUS = {
    ErrorCode.UNAUTHENTICATED: 401,
    ErrorCode.FORBIDDEN: 403,
    ErrorCode.NOT_FOUND: 404,
    ErrorCode.INVALID_INPUT: 400,
}
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def _error(
    status: int, message: str, code: ErrorCode, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(
        {"error": {"code": code.value, "message": message}}, status_code=status, headers=headers
    )


def _unauthenticated(message: str) -> JSONResponse:
    return _error(401, message, ErrorCode.UNAUTHENTICATED, {"WWW-Authenticate": "Bearer"})


# --- upload ----------------------------------------------------------------------------


async def upload(request: Request) -> Response:
    settings = state_of(request).settings
    # A cross-site page cannot send a PUT without a preflight, but a foreign Origin never
    # acts through the cookie (`cookie_may_act`); a bearer token always may.
    auth = viewer_of(request)
    if auth.user is None:
        return _unauthenticated("Log in to upload.")
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
        message = f"The file is larger than {limit} bytes."
        return _error(413, message, ErrorCode.PAYLOAD_TOO_LARGE)
    except DomainError as error:
        return _error(_STATUS.get(error.code, 400), error.message, error.code)
    except ClientDisconnect:
        log.info("upload to %s abandoned by the client", request.path_params["dataset_id"])
        return Response(status_code=400)
    return JSONResponse({"sha256": stored.sha256, "sizeBytes": stored.size}, status_code=201)


# --- download --------------------------------------------------------------------------


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


def _matches(if_none_match: str, etag: str) -> bool:
    """`If-None-Match` uses the weak comparison: `W/"x"` matches `"x"`, `*` any file."""
    tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
    return "*" in tags or etag in tags


class _FileBody(Response):
    """The bytes of an open stored file; the file is closed once they are sent or the
    client has gone, whichever comes first."""

    def __init__(
        self, reader: storage.Reader, status_code: int, headers: dict[str, str], media_type: str
    ) -> None:
        super().__init__(status_code=status_code, headers=headers, media_type=media_type)
        self.reader = reader

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            async with anyio.create_task_group() as group:

                async def send_file() -> None:
                    await self._send_file(send)
                    group.cancel_scope.cancel()

                group.start_soon(send_file)
                # Stop reading the disk as soon as the client leaves.
                while (await receive())["type"] != "http.disconnect":
                    pass
                group.cancel_scope.cancel()
        finally:
            with anyio.CancelScope(shield=True):
                await self.reader.aclose()

    async def _send_file(self, send: Send) -> None:
        try:
            await send(
                {
                    "type": "http.response.start",
                    "status": self.status_code,
                    "headers": self.raw_headers,
                }
            )
            async for block in self.reader.chunks():
                await send({"type": "http.response.body", "body": block, "more_body": True})
            await send({"type": "http.response.body", "body": b"", "more_body": False})
        except OSError:
            pass  # the client has gone (ASGI 2.4 servers raise on send)


async def download(request: Request) -> Response:
    settings = state_of(request).settings
    auth = viewer_of(request)
    viewer_id = auth.user.id if auth.user else None
    dataset_pk = decode_pk(request.path_params["dataset_id"], "Dataset")
    file_name = request.path_params.get("filename")
    permission = _link_permission(request)
    # An upload may replace the file between reading the row and opening the file: then
    # read the row again. Once open, the bytes stay readable even if the file is removed.
    for _attempt in range(3):
        try:
            if permission is None:
                found = await uploads.download_of(viewer_id, dataset_pk, file_name)
            else:
                # A reviewer link's signed URL: the link is asked again on every request.
                link = await links.check_download_permission(
                    settings, dataset_pk, file_name or "", permission
                )
                found = await uploads.download_through_link(dataset_pk or 0, link, file_name)
        except DomainError:
            return _error(404, "Not found.", ErrorCode.NOT_FOUND)
        response = _answer_without_body(request, found)
        if isinstance(response, Response):
            return response
        status, headers, start, length = response
        try:
            reader = await storage.open_file(settings, found.key, start, length)
        except FileNotFoundError:
            continue
        try:
            # Once per person (or link), file and hour, however many ranges they fetch.
            await activity.record_download(
                dataset_pk or 0,
                actor_id=viewer_id if permission is None else None,
                link_id=permission.link_id if permission is not None else None,
                file_name=found.file_name,
                size=found.size,
            )
        except BaseException:
            await reader.aclose()
            raise
        return _FileBody(reader, status, headers, found.content_type)
    raise RuntimeError(f"the stored file of dataset {dataset_pk} is missing")


def _link_permission(request: Request) -> links.DownloadPermission | None:
    """The reviewer link's permission a download URL carries, if it carries one (a
    malformed one is a permission that fails its check)."""
    query = request.query_params
    if "link" not in query:
        return None
    link_pk = decode_pk(query["link"], "ShareLink")
    expires = query.get("expires", "")
    return links.DownloadPermission(
        link_id=link_pk or 0,
        expires=int(expires) if expires.isdigit() and len(expires) < 15 else 0,
        signature=query.get("signature", ""),
    )


def _answer_without_body(
    request: Request, found: Download
) -> Response | tuple[int, dict[str, str], int, int]:
    """The whole answer when it has no body (HEAD, 304, 416); otherwise the status,
    headers and byte span of the body to send."""
    etag = f'"{found.sha256}"'
    headers = {
        "ETag": etag,
        "Accept-Ranges": "bytes",
        "Content-Disposition": content_disposition(found.file_name),
        "X-Content-Type-Options": "nosniff",
        # Should a browser ever render it, the file runs no script and loads nothing.
        "Content-Security-Policy": "default-src 'none'; sandbox",
        # Never cached: once access is revoked, no copy may answer for it.
        "Cache-Control": "private, no-store",
    }
    if _matches(request.headers.get("if-none-match", ""), etag):
        return Response(status_code=304, headers=headers)
    wanted = request.headers.get("range")
    if_range = request.headers.get("if-range")
    if if_range is not None and if_range.strip() != etag:
        wanted = None  # the client's copy is of another version (or dated): send it all
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
    if request.method == "HEAD" or length == 0:
        return Response(status_code=status, headers=headers, media_type=found.content_type)
    return status, headers, start, length
