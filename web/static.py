"""The web app's built files (`WEBAPP_DIR`) at `/`.

Real files are served as they are; any other GET path is one of the app's own routes
(`/signup`, `/datasets/7`, `/l/…`, or one it answers with its not-found page), so it gets
`index.html`. API paths are never the app's: they are left to their own routes, and an
unknown one is a plain 404. Hashed files under `/assets/` never change, so browsers may
keep them for a year; the HTML pages name those files, so they are revalidated on every
load (`no-cache`, with an ETag).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import anyio.to_thread
from starlette.datastructures import URLPath
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute, Match, NoMatchFound
from starlette.staticfiles import StaticFiles
from starlette.types import Receive, Scope, Send

API_PREFIXES = ("/graphql", "/uploads", "/files", "/healthz", "/metrics")
ASSETS_DIR = "assets"
APP_PAGE = "index.html"
GRAPHIQL_PAGE = "graphiql.html"

# The pages load and talk to nothing but this origin. Fonts may also be `data:` URLs, as
# GraphiQL's stylesheet embeds its own (a data: URL reaches no other site).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
    "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
    "form-action 'self'; object-src 'none'"
)
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
# Links carry one-time tokens in their query (`/verify-email?token=…`): never send them to
# another site. Same-origin requests keep their Referer and Origin.
REFERRER_POLICY = "same-origin"

NOT_BUILT = (
    "The datashare web app is not built yet.\n\n"
    "Run `make run` (it builds the app, then serves), or build it alone with\n"
    "`cd webapp && npm ci && npm run build`.\n"
    "The API is served all the same at /graphql.\n"
)


def is_api_path(path: str) -> bool:
    return any(path == prefix or path.startswith(prefix + "/") for prefix in API_PREFIXES)


class WebApp:
    """Answers for the files of one built web app directory."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        # StaticFiles brings the safe path lookup and the conditional-request handling.
        self._files = StaticFiles(directory=directory, check_dir=False)

    async def _find(self, relative_path: str) -> tuple[str, os.stat_result] | None:
        try:
            full_path, found = await anyio.to_thread.run_sync(
                self._files.lookup_path, relative_path
            )
        except (OSError, ValueError):  # a name too long, a NUL byte: no such file
            return None
        if found is None or not stat.S_ISREG(found.st_mode):
            return None
        return full_path, found

    async def page(self, name: str, scope: Scope) -> Response:
        """One of the app's HTML pages, or a note that the app is not built."""
        found = await self._find(name)
        if found is None:
            return _guarded(
                PlainTextResponse(NOT_BUILT, status_code=503, headers={"Cache-Control": "no-store"})
            )
        return self._html(found, scope)

    def _html(self, found: tuple[str, os.stat_result], scope: Scope) -> Response:
        response = self._files.file_response(*found, scope)
        response.headers["Cache-Control"] = REVALIDATE
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        return _guarded(response)

    async def response(self, scope: Scope) -> Response:
        relative_path = self._files.get_path(scope)
        found = await self._find(relative_path)
        if found is not None and relative_path.endswith(".html"):
            return self._html(found, scope)
        if found is not None:
            response = self._files.file_response(*found, scope)
            in_assets = relative_path.startswith(ASSETS_DIR + os.sep)
            response.headers["Cache-Control"] = IMMUTABLE if in_assets else REVALIDATE
            return _guarded(response)
        if relative_path == ASSETS_DIR or relative_path.startswith(ASSETS_DIR + os.sep):
            # A stale page asking for an asset of an earlier build: say so, never the app.
            return _guarded(PlainTextResponse("Not Found", status_code=404))
        return await self.page(APP_PAGE, scope)


def _guarded(response: Response) -> Response:
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = REFERRER_POLICY
    return response


class WebAppRoute(BaseRoute):
    """Every GET or HEAD path that is not an API path (placed after the API routes)."""

    def __init__(self, webapp: WebApp) -> None:
        self.webapp = webapp

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope["type"] != "http" or is_api_path(scope["path"]):
            return Match.NONE, {}
        # Another method is a 405 here, unless a later route takes it.
        return (Match.FULL if scope["method"] in ("GET", "HEAD") else Match.PARTIAL), {}

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["method"] in ("GET", "HEAD"):
            response = await self.webapp.response(scope)
        else:
            response = PlainTextResponse(
                "Method Not Allowed", status_code=405, headers={"Allow": "GET, HEAD"}
            )
        await response(scope, receive, send)

    def url_path_for(self, name: str, /, **path_params: Any) -> URLPath:
        raise NoMatchFound(name, path_params)
