"""Account resolvers: call the account service, and tell the HTTP layer about cookies."""

from __future__ import annotations

from resolvers.context import Context
from services import accounts
from services.accounts import LoggedIn


def _opened(context: Context, logged_in: LoggedIn) -> LoggedIn:
    context.new_session_token = logged_in.token
    return logged_in


async def sign_up(context: Context, email: str, password: str, display_name: str) -> None:
    await accounts.sign_up(email, password, display_name, context.settings)


async def verify_email(context: Context, token: str) -> LoggedIn:
    return _opened(context, await accounts.verify_email(token, context.settings))


async def log_in(context: Context, email: str, password: str) -> LoggedIn:
    return _opened(context, await accounts.log_in(email, password, context.settings))


async def log_out(context: Context) -> None:
    # Logging out without a session is not an error: the outcome is the same.
    if context.session is not None:
        await accounts.log_out(context.session.user_id, context.session.id)
    context.clear_session_cookie = True


async def request_password_reset(context: Context, email: str) -> None:
    await accounts.request_password_reset(email, context.settings)


async def reset_password(context: Context, token: str, new_password: str) -> LoggedIn:
    return _opened(context, await accounts.reset_password(token, new_password, context.settings))
