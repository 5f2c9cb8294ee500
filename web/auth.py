"""Who sent a request: a bearer token, or the session cookie when it cannot be forged."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import HTTPConnection, Request
from starlette.responses import Response

from models import Session, User
from services.sessions import resolve_session
from services.settings import Settings

SESSION_COOKIE = "datashare_session"

# Bodies a cross-site page can POST without a CORS preflight; "" is a body sent with no
# Content-Type at all (`fetch` with an untyped Blob, `mode: "no-cors"`).
_SIMPLE_CONTENT_TYPES = {
    "",
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "text/plain",
}


@dataclass(frozen=True)
class Authentication:
    user: User | None = None
    session: Session | None = None


ANONYMOUS = Authentication()


def media_type(request: HTTPConnection) -> str:
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def cookie_may_act(request: Request) -> bool:
    """Whether the session cookie may authenticate this request (CSRF).

    A cross-site page can make a browser send the cookie with a GET or with a POST whose
    body has a simple content type, without asking (no CORS preflight). So the cookie
    never authenticates such a POST, nor any request whose `Origin` is another site.
    A GET may read with the cookie (the GraphQL endpoint never runs a mutation over GET,
    and the same-origin policy keeps the answer from the other site); every other
    method and content type needs a preflight, which this service never grants.
    """
    if request.method == "POST" and media_type(request) in _SIMPLE_CONTENT_TYPES:
        return False
    origin = request.headers.get("origin")
    if origin and origin != request.app.state.public_origin:
        return False
    return True


async def authenticate(
    request: Request, settings: Settings, *, allow_cookie: bool
) -> Authentication:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        found = await resolve_session(token.strip(), settings)
    elif allow_cookie and (cookie := request.cookies.get(SESSION_COOKIE)):
        found = await resolve_session(cookie, settings)
    else:
        return ANONYMOUS
    if found is None:
        return ANONYMOUS
    user, session = found
    return Authentication(user=user, session=session)


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
