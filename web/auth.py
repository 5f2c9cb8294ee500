"""Who sent a request: a bearer token, or the session cookie when it cannot be forged."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import HTTPConnection, Request
from starlette.responses import Response

from models import Session, User
from services.sessions import resolve_session
from services.settings import Settings

SESSION_COOKIE = "datashare_session"

# Bodies a cross-site page can send without a CORS preflight.
_SIMPLE_CONTENT_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data", "text/plain"}


@dataclass(frozen=True)
class Authentication:
    user: User | None = None
    session: Session | None = None


ANONYMOUS = Authentication()


def media_type(request: HTTPConnection) -> str:
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def cookie_may_act(request: Request) -> bool:
    """Whether the session cookie may authenticate this request (CSRF).

    Only requests a cross-site page cannot forge qualify: never a GraphQL GET, never a
    POST with a simple content type, and never one whose `Origin` is another site.
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
