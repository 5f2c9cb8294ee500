"""Accounts: signing up, confirming an address, logging in and out, resetting passwords."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from models import AuthToken, Session, User
from models.accounts import TokenPurpose
from services import events, login_throttle, passwords
from services.clock import now
from services.emails import normalize_email, valid_email
from services.errors import (
    DomainError,
    EmailNotVerified,
    InvalidCredentials,
    InvalidInput,
    InvalidToken,
    collect,
)
from services.grants import accept_pending_grants
from services.notifications import account_emails
from services.notifications.outbox import enqueue
from services.sessions import end_session, start_session
from services.settings import Settings
from services.teams import accept_pending_memberships
from services.tokens import hash_token, new_token

CONFIRMATION_LIFETIME = timedelta(hours=48)
RESET_LIFETIME = timedelta(hours=1)
MAX_DISPLAY_NAME = 200
MAX_RESETS_PER_HOUR = 5


@dataclass(frozen=True)
class LoggedIn:
    user: User
    token: str


def _check_sign_up(email: str, password: str, display_name: str) -> None:
    errors: list[DomainError] = []
    if not valid_email(email):
        errors.append(InvalidInput("Enter a valid email address.", field="email"))
    try:
        passwords.check_password_rules(password)
    except InvalidInput as error:
        errors.append(error)
    if not 1 <= len(display_name) <= MAX_DISPLAY_NAME:
        errors.append(
            InvalidInput(f"A name has 1 to {MAX_DISPLAY_NAME} characters.", field="displayName")
        )
    collect(errors)


async def _issue_token(
    user: User, purpose: TokenPurpose, lifetime: timedelta, conn: BaseDBAsyncClient
) -> str:
    token = new_token()
    await AuthToken.create(
        user=user,
        purpose=purpose,
        token_hash=hash_token(token),
        expires_at=now() + lifetime,
        using_db=conn,
    )
    return token


async def _tell_owner_of_sign_up(user: User, settings: Settings, conn: BaseDBAsyncClient) -> None:
    """Someone signed up with a taken address: only its owner hears of it.

    An account never confirmed may have been made by someone else with this address, so
    its note carries a password-reset link (which also confirms the address) rather than
    a confirmation link that would confirm a password the owner never chose.
    """
    if user.is_verified:
        note = account_emails.address_already_registered(settings, user.display_name)
    else:
        token = await _issue_token(user, TokenPurpose.RESET_PASSWORD, RESET_LIFETIME, conn)
        note = account_emails.unconfirmed_address_registered(settings, user.display_name, token)
    await enqueue(note, user.email, using_db=conn)


async def sign_up(email: str, password: str, display_name: str, settings: Settings) -> None:
    """Answer alike whether or not the address has an account; its owner gets a note."""
    address = normalize_email(email)
    name = display_name.strip()
    _check_sign_up(address, password, name)
    password_hash = await passwords.hash_password(password)
    try:
        async with in_transaction() as conn:
            existing = await User.filter(email=address).using_db(conn).first()
            if existing is not None:
                await _tell_owner_of_sign_up(existing, settings, conn)
                return
            user = await User.create(
                email=address, display_name=name, password_hash=password_hash, using_db=conn
            )
            token = await _issue_token(user, TokenPurpose.VERIFY_EMAIL, CONFIRMATION_LIFETIME, conn)
            await enqueue(
                account_emails.confirm_address(settings, name, token), address, using_db=conn
            )
    except IntegrityError:
        # A concurrent sign-up took the address first: answer as for a known address.
        return


async def _redeem(token: str, purpose: TokenPurpose, conn: BaseDBAsyncClient) -> User:
    """Use a single-use token once; `InvalidToken` if unknown, used or expired.

    Using one also spends every other token of that purpose the user was sent: an older
    link must not work after a newer one did.
    """
    found = (
        await AuthToken.filter(token_hash=hash_token(token), purpose=purpose)
        .using_db(conn)
        .select_for_update()
        .first()
        if token
        else None
    )
    moment = now()
    if found is None or found.used_at is not None or found.expires_at <= moment:
        raise InvalidToken()
    spent = AuthToken.filter(user_id=found.user_id, purpose=purpose, used_at__isnull=True)
    # Conditional on still being unused: of two requests racing with one link, one wins.
    if await spent.filter(id=found.id).using_db(conn).update(used_at=moment) != 1:
        raise InvalidToken()
    await spent.using_db(conn).update(used_at=moment)
    return await User.get(id=found.user_id, using_db=conn)


async def _confirm(user: User, conn: BaseDBAsyncClient) -> None:
    if user.email_verified_at is None:
        user.email_verified_at = now()
        await user.save(using_db=conn, update_fields=["email_verified_at", "updated_at"])
    await accept_pending_grants(user, conn)
    await accept_pending_memberships(user, conn)


async def verify_email(token: str, settings: Settings) -> LoggedIn:
    """Confirm the address, accept every pending grant to it, and log the user in."""
    async with in_transaction() as conn:
        user = await _redeem(token.strip(), TokenPurpose.VERIFY_EMAIL, conn)
        if user.is_verified:
            # Confirmed meanwhile (by a password reset): the link has done its work.
            raise InvalidToken()
        await _confirm(user, conn)
    return LoggedIn(user, await start_session(user, settings))


async def log_in(email: str, password: str, settings: Settings) -> LoggedIn:
    address = normalize_email(email)
    await login_throttle.check_not_throttled(address)
    user = await User.filter(email=address).first()
    if user is None:
        await passwords.spend_verification_time(password)
        await login_throttle.record_failure(address)
        raise InvalidCredentials()
    if not await passwords.verify_password(user.password_hash, password):
        await login_throttle.record_failure(address)
        raise InvalidCredentials()
    if user.email_verified_at is None:
        raise EmailNotVerified()
    await login_throttle.clear_failures(address)
    if passwords.needs_rehash(user.password_hash):
        user.password_hash = await passwords.hash_password(password)
        await user.save(update_fields=["password_hash", "updated_at"])
    return LoggedIn(user, await start_session(user, settings))


async def log_out(user_id: int, session_id: int) -> None:
    async with in_transaction() as conn:
        await end_session(session_id, conn)
        await events.publish_session_ended(conn, user_id)


async def request_password_reset(email: str, settings: Settings) -> None:
    """Answer alike for known and unknown addresses; only a known one gets an email.

    At most `MAX_RESETS_PER_HOUR` links an hour go to one address, so the form cannot be
    used to flood a mailbox; past that the answer stays the same and nothing is sent.
    """
    address = normalize_email(email)
    if not valid_email(address):
        raise InvalidInput("Enter a valid email address.", field="email")
    async with in_transaction() as conn:
        user = await User.filter(email=address).using_db(conn).first()
        if user is None:
            return
        recent = AuthToken.filter(
            user_id=user.id,
            purpose=TokenPurpose.RESET_PASSWORD,
            created_at__gt=now() - timedelta(hours=1),
        )
        if await recent.using_db(conn).count() >= MAX_RESETS_PER_HOUR:
            return
        token = await _issue_token(user, TokenPurpose.RESET_PASSWORD, RESET_LIFETIME, conn)
        email_ = account_emails.reset_password(settings, user.display_name, token)
        await enqueue(email_, address, using_db=conn)


async def reset_password(token: str, new_password: str, settings: Settings) -> LoggedIn:
    """Set a new password, end every session of the user, and open a new one.

    Following the emailed link proves the address, so it also confirms an unconfirmed one.
    """
    passwords.check_password_rules(new_password, field="newPassword")
    password_hash = await passwords.hash_password(new_password)
    async with in_transaction() as conn:
        user = await _redeem(token.strip(), TokenPurpose.RESET_PASSWORD, conn)
        user.password_hash = password_hash
        await user.save(using_db=conn, update_fields=["password_hash", "updated_at"])
        await _confirm(user, conn)
        # Whoever knew the old password is logged out with the same commit.
        await Session.filter(user_id=user.id).using_db(conn).delete()
        await events.publish_session_ended(conn, user.id)
    await login_throttle.clear_failures(user.email)
    return LoggedIn(user, await start_session(user, settings))
