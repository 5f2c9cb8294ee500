"""Who sent a request: the one authentication backend of the app (Starlette's
`AuthenticationMiddleware`), reading a bearer token, or the session cookie when a
cross-site page cannot have forged the request."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.authentication import AuthCredentials, AuthenticationBackend, BaseUser
from starlette.middleware import Middleware
from starlette.middleware.authentication import AuthenticationMiddleware
from starlette.requests import HTTPConnection
from starlette.responses import Response

from models import Session, User
from services.sessions import resolve_session
from services.settings import Settings
from web.state import state_of

SESSION_COOKIE = "datashare_session"

# Bodies a cross-site page can POST without a CORS preflight; "" is a body sent with no
# Content-Type at all (`fetch` with an untyped Blob, `mode: "no-cors"`).
_SIMPLE_CONTENT_TYPES = {
    "",
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "text/plain",
}
# A request header no page can send to another site without a CORS preflight (which is never
# granted with credentials). tus clients send it with every request, their bodiless POST
# that creates an upload included: such a POST cannot be forged across sites.
_PREFLIGHTED_HEADER = "tus-resumable"


@dataclass(frozen=True)
class Authentication:
    user: User | None = None
    session: Session | None = None


ANONYMOUS = Authentication()


class SessionUser(BaseUser):
    """A request's user as Starlette holds it: the account and the session it came with."""

    def __init__(self, user: User, session: Session) -> None:
        self.user = user
        self.session = session

    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def display_name(self) -> str:
        return self.user.display_name

    @property
    def identity(self) -> str:
        return str(self.user.id)


def media_type(request: HTTPConnection) -> str:
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def cookie_may_act(request: HTTPConnection) -> bool:
    """Whether the session cookie may authenticate this request (CSRF).

    A cross-site page can make a browser send the cookie with a GET or with a POST whose
    body has a simple content type, without asking (no CORS preflight). So the cookie
    never authenticates such a POST unless it carries `Tus-Resumable` (a header that needs
    a preflight), nor any request whose `Origin` is another origin —
    the web apps of `CORS_ORIGINS` included: they send a Bearer token. A GET may read
    with the cookie (the GraphQL endpoint never runs a mutation over GET, and the
    same-origin policy keeps the answer from the other site); every other method and
    content type needs a preflight, which is never granted with credentials.
    """
    if (
        request.scope.get("method") == "POST"
        and media_type(request) in _SIMPLE_CONTENT_TYPES
        and _PREFLIGHTED_HEADER not in request.headers
    ):
        return False
    origin = request.headers.get("origin")
    return not origin or origin == state_of(request).public_origin


def _token(request: HTTPConnection) -> str | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    if cookie_may_act(request):
        return request.cookies.get(SESSION_COOKIE) or None
    return None


class SessionBackend(AuthenticationBackend):
    """A bearer token first; else the cookie, where `cookie_may_act`. An unknown, expired
    or ended session is anonymous, never an error."""

    async def authenticate(self, conn: HTTPConnection) -> tuple[AuthCredentials, BaseUser] | None:
        token = _token(conn)
        found = await resolve_session(token, state_of(conn).settings) if token else None
        if found is None:
            return None
        user, session = found
        return AuthCredentials(["authenticated"]), SessionUser(user, session)


def authenticated() -> list[Middleware]:
    """The middleware of every route that needs to know who is asking."""
    return [Middleware(AuthenticationMiddleware, backend=SessionBackend())]


def viewer_of(request: HTTPConnection) -> Authentication:
    """Who sent the request, as the backend found (routes under `authenticated()`)."""
    user = request.user
    return Authentication(user.user, user.session) if isinstance(user, SessionUser) else ANONYMOUS


def set_session_cookie(response: Response, token: str, settings: Settings) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=settings.session_days * 86400,
        httponly=True,
        secure=settings.cookie_secure,
        samesite="lax",
        path="/",
    )


def clear_session_cookie(response: Response, settings: Settings) -> None:
    response.delete_cookie(
        SESSION_COOKIE, httponly=True, secure=settings.cookie_secure, samesite="lax", path="/"
    )


def cookie_may_open_websocket(connection: HTTPConnection) -> bool:
    """Whether the session cookie may authenticate a WebSocket (cross-site WebSocket
    hijacking): browsers send the cookie with a handshake from any page, and the
    handshake is not subject to CORS, so only pages of `PUBLIC_URL`'s origin or of
    `CORS_ORIGINS` may ride it. A client that sends no `Origin` is no browser."""
    origin = connection.headers.get("origin")
    state = state_of(connection)
    return not origin or origin == state.public_origin or origin in state.settings.cors_origins


class WebSocketRefused(Exception):
    """A WebSocket connection that must not go on (a cookie from a foreign origin)."""


async def authenticate_websocket(
    connection: HTTPConnection, params: dict[str, object]
) -> Authentication:
    """Who opens a WebSocket: `connection_init`'s `authorization` ("Bearer <token>"), else
    the handshake's Authorization header, else the session cookie where
    `cookie_may_open_websocket`. An unknown or ended token is anonymous, as over HTTP."""
    token: str | None = None
    given = params.get("authorization")
    if isinstance(given, str):
        scheme, _, value = given.partition(" ")
        token = value.strip() if scheme.lower() == "bearer" and value.strip() else None
    if token is None:
        scheme, _, value = connection.headers.get("authorization", "").partition(" ")
        token = value.strip() if scheme.lower() == "bearer" and value.strip() else None
    if token is None and connection.cookies.get(SESSION_COOKIE):
        if not cookie_may_open_websocket(connection):
            raise WebSocketRefused()
        token = connection.cookies[SESSION_COOKIE]
    found = await resolve_session(token, state_of(connection).settings) if token else None
    return Authentication(*found) if found else ANONYMOUS
