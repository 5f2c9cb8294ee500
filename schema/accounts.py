"""Accounts in the schema: `me`, sign-up, log-in, sessions and password resets."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Annotated

import strawberry
from strawberry.types import Info

from resolvers import accounts, users
from resolvers.context import Context
from schema.errors import Payload, payload, payload_type
from schema.users import User
from services.accounts import LoggedIn


@strawberry.input(description="A new account.")
class SignUpInput:
    email: str = strawberry.field(description="The address to confirm; also the log-in name.")
    password: str = strawberry.field(description="15 to 1024 characters.")
    display_name: str = strawberry.field(description="The name others see.")


@payload_type(
    "Same answer whether or not the address already has an account: check your mailbox. "
    "`errors` holds input errors only."
)
class SignUpPayload(Payload):
    pass


@strawberry.input(description="The token from the confirmation email.")
class VerifyEmailInput:
    token: str = strawberry.field(description="The `token` of the emailed link.")


@payload_type("A session was opened (or not).")
class AuthPayload(Payload):
    user: User | None = strawberry.field(
        default=None,
        description="The logged-in user, as they see themselves: `email` is their address.",
    )
    token: str | None = strawberry.field(
        default=None,
        description="Session token: send it as `Authorization: Bearer <token>`. "
        "Browsers also get an HttpOnly cookie.",
    )


@strawberry.input(description="Credentials.")
class LogInInput:
    email: str = strawberry.field(description="The account's address.")
    password: str = strawberry.field(description="The password.")


@payload_type("The session is over.")
class LogOutPayload(Payload):
    pass


@strawberry.input(description="Ask for a password-reset link.")
class RequestPasswordResetInput:
    email: str = strawberry.field(description="The account's address.")


@payload_type("Same answer for known and unknown addresses. `errors` holds input errors only.")
class RequestPasswordResetPayload(Payload):
    pass


@strawberry.input(description="Choose a new password with the emailed token.")
class ResetPasswordInput:
    token: str = strawberry.field(description="The `token` of the emailed link.")
    new_password: str = strawberry.field(description="15 to 1024 characters.")


async def _auth_payload(action: Awaitable[LoggedIn]) -> AuthPayload:
    # The request was anonymous; its answer is the user's own view of their account.
    return await payload(
        AuthPayload,
        action,
        lambda logged_in: AuthPayload(
            user=User.as_seen_by_self(logged_in.user), token=logged_in.token
        ),
    )


@strawberry.type
class AccountsQuery:
    @strawberry.field(description="The user behind this request; null when anonymous.")
    async def me(self, info: Info[Context, None]) -> User | None:
        user = await users.viewer(info.context)
        return User.from_model(user) if user else None


@strawberry.type
class AccountsMutation:
    @strawberry.mutation(description="Create an account; a confirmation link is emailed.")
    async def sign_up(
        self,
        info: Info[Context, None],
        input: Annotated[SignUpInput, strawberry.argument(description="The account to create.")],
    ) -> SignUpPayload:
        return await payload(
            SignUpPayload,
            accounts.sign_up(info.context, input.email, input.password, input.display_name),
        )

    @strawberry.mutation(
        description="Confirm an address with the emailed token; accepts the invitations "
        "waiting for it and logs in."
    )
    async def verify_email(
        self,
        info: Info[Context, None],
        input: Annotated[
            VerifyEmailInput, strawberry.argument(description="The token of the confirmation link.")
        ],
    ) -> AuthPayload:
        return await _auth_payload(accounts.verify_email(info.context, input.token))

    @strawberry.mutation(description="Open a session with an address and a password.")
    async def log_in(
        self,
        info: Info[Context, None],
        input: Annotated[LogInInput, strawberry.argument(description="The address and password.")],
    ) -> AuthPayload:
        return await _auth_payload(accounts.log_in(info.context, input.email, input.password))

    @strawberry.mutation(description="End the session of this request.")
    async def log_out(self, info: Info[Context, None]) -> LogOutPayload:
        return await payload(LogOutPayload, accounts.log_out(info.context))

    @strawberry.mutation(description="Email a password-reset link, if the address has an account.")
    async def request_password_reset(
        self,
        info: Info[Context, None],
        input: Annotated[
            RequestPasswordResetInput, strawberry.argument(description="The account's address.")
        ],
    ) -> RequestPasswordResetPayload:
        return await payload(
            RequestPasswordResetPayload, accounts.request_password_reset(info.context, input.email)
        )

    @strawberry.mutation(
        description="Set a new password with the emailed token; ends every other session."
    )
    async def reset_password(
        self,
        info: Info[Context, None],
        input: Annotated[
            ResetPasswordInput,
            strawberry.argument(description="The token of the reset link and the new password."),
        ],
    ) -> AuthPayload:
        return await _auth_payload(
            accounts.reset_password(info.context, input.token, input.new_password)
        )
