"""Accounts over HTTP: sign up, confirm, log in and out, reset, and what an attacker learns."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

from argon2 import PasswordHasher

from models import AuthToken, LoginFailure, OutboxMessage, Session, User
from models.accounts import TokenPurpose
from services import passwords
from services.accounts import MAX_RESETS_PER_HOUR
from services.clock import now
from tests.conftest import Service
from tests.story import (
    LOG_IN,
    PASSWORD,
    Person,
    confirmation_token,
    gql,
    log_in,
    sign_up,
    signed_up,
    token_in,
)
from web.auth import SESSION_COOKIE

ME = "{ me { id displayName email } }"
LOG_OUT = "mutation { logOut { errors { code message } } }"
REQUEST_RESET = """mutation($i: RequestPasswordResetInput!) {
  requestPasswordReset(input: $i) { errors { code field message } } }"""
RESET = """mutation($i: ResetPasswordInput!) {
  resetPassword(input: $i) { token user { id email } errors { code field message } } }"""
VERIFY = """mutation($i: VerifyEmailInput!) {
  verifyEmail(input: $i) { token user { id } errors { code message } } }"""
VERIFY_WITH_EMAIL = """mutation($i: VerifyEmailInput!) {
  verifyEmail(input: $i) { user { email } errors { code message } } }"""
NEW_PASSWORD = "a completely different passphrase"


async def me(service: Service, token: str | None) -> Any:
    return (await gql(service, ME, token=token))["data"]["me"]


async def request_reset(service: Service, email: str) -> Any:
    return await gql(service, REQUEST_RESET, {"i": {"email": email}})


async def reset_token(service: Service, email: str, count: int = 1) -> str:
    """The token of the `count`-th reset link mailed to `email` (waiting for it)."""
    seen = 1
    while True:
        messages = await service.mailbox.wait_for(seen, to=email)
        resets = [m for m in messages if "/reset-password?token=" in m.text]
        if len(resets) >= count:
            return token_in(resets[count - 1].text, "/reset-password")
        seen = len(messages) + 1


async def reset(service: Service, token: str, new_password: str = NEW_PASSWORD) -> Any:
    body = await gql(service, RESET, {"i": {"token": token, "newPassword": new_password}})
    return body["data"]["resetPassword"]


async def verify(service: Service, token: str) -> Any:
    return (await gql(service, VERIFY, {"i": {"token": token}}))["data"]["verifyEmail"]


def codes(payload: Any) -> list[str]:
    return [error["code"] for error in payload["errors"]]


async def test_the_whole_story_of_an_account(service: Service) -> None:
    """Sign up, confirm by the emailed link, log in, me, log out, reset the password."""
    alice = await signed_up(service, " Alice@Example.org ", "Alice")
    assert alice.email == "alice@example.org"
    assert await me(service, alice.token) == {
        "id": alice.id,
        "displayName": "Alice",
        "email": "alice@example.org",
    }

    logged_in = await log_in(service, "ALICE@example.org", PASSWORD)
    assert logged_in["errors"] == [] and logged_in["user"]["id"] == alice.id
    session = logged_in["token"]
    assert session and session != alice.token
    assert (await me(service, session))["id"] == alice.id

    logged_out = await gql(service, LOG_OUT, token=session)
    assert logged_out["data"]["logOut"]["errors"] == []
    assert await me(service, session) is None
    assert (await me(service, alice.token))["id"] == alice.id  # only that session ended

    assert (await request_reset(service, "alice@example.org"))["data"]["requestPasswordReset"][
        "errors"
    ] == []
    done = await reset(service, await reset_token(service, "alice@example.org"))
    assert done["errors"] == [] and done["user"]["id"] == alice.id
    assert (await me(service, done["token"]))["id"] == alice.id
    assert await me(service, alice.token) is None  # every earlier session ended
    assert codes(await log_in(service, alice.email, PASSWORD)) == ["INVALID_CREDENTIALS"]
    assert (await log_in(service, alice.email, NEW_PASSWORD))["errors"] == []


async def test_me_is_null_when_anonymous_or_with_an_unknown_token(service: Service) -> None:
    assert await me(service, None) is None
    assert await me(service, "not-a-session") is None


async def test_sign_up_input_errors_change_nothing(service: Service) -> None:
    given = {"email": "not an address", "password": "short", "displayName": "  "}
    body = await gql(
        service,
        """mutation($i: SignUpInput!) { signUp(input: $i) { errors { code field } } }""",
        {"i": given},
    )
    assert body["data"]["signUp"]["errors"] == [
        {"code": "INVALID_INPUT", "field": "email"},
        {"code": "INVALID_INPUT", "field": "password"},
        {"code": "INVALID_INPUT", "field": "displayName"},
    ]
    too_long = await sign_up(service, "bob@example.org", "x" * 1025)
    assert [(e["code"], e["field"]) for e in too_long["errors"]] == [("INVALID_INPUT", "password")]
    assert await User.all().count() == 0
    assert await OutboxMessage.all().count() == 0


async def test_a_password_of_exactly_15_and_1024_characters_is_accepted(service: Service) -> None:
    assert (await sign_up(service, "short@example.org", "p" * 15))["errors"] == []
    assert (await sign_up(service, "long@example.org", "p" * 1024))["errors"] == []
    assert await User.all().count() == 2


async def test_sign_up_answers_alike_for_a_taken_address(service: Service) -> None:
    """The answer does not tell; the owner of the address gets a note instead."""
    await signed_up(service, "alice@example.org", "Alice")
    variables = {"email": "", "password": "some other long password", "displayName": "Mallory"}
    query = """mutation($i: SignUpInput!) { signUp(input: $i) { errors { code field } } }"""

    service.client.cookies.clear()
    taken = await service.client.post(
        "/graphql",
        json={"query": query, "variables": {"i": {**variables, "email": " ALICE@example.ORG"}}},
    )
    free = await service.client.post(
        "/graphql",
        json={"query": query, "variables": {"i": {**variables, "email": "new@example.org"}}},
    )
    assert taken.status_code == free.status_code == 200
    assert taken.json() == free.json() == {"data": {"signUp": {"errors": []}}}
    assert set(taken.headers) == set(free.headers)

    await service.mailbox.wait_for(2, to="alice@example.org")
    note = service.mailbox.to("alice@example.org")[-1]
    assert "tried to sign up" in note.subject
    assert "/verify-email" not in note.text
    assert await User.filter(email="alice@example.org").count() == 1
    user = await User.get(email="alice@example.org")
    assert user.display_name == "Alice"  # the attempt changed nothing
    assert (await log_in(service, "alice@example.org", PASSWORD))["errors"] == []


async def test_sign_up_on_an_unconfirmed_address_mails_a_reset_link_not_a_confirmation(
    service: Service,
) -> None:
    """Someone else may have made that account: the owner chooses the password by reset."""
    assert (await sign_up(service, "erin@example.org", "a password mallory chose"))["errors"] == []
    mallory_link = await confirmation_token(service, "erin@example.org")
    assert (await sign_up(service, "erin@example.org", PASSWORD, "Erin"))["errors"] == []
    await service.mailbox.wait_for(2, to="erin@example.org")
    note = service.mailbox.to("erin@example.org")[-1]
    assert "/verify-email" not in note.text

    chosen = await reset(service, token_in(note.text, "/reset-password"), PASSWORD)
    assert chosen["errors"] == []
    assert (await me(service, chosen["token"]))["email"] == "erin@example.org"
    assert codes(await log_in(service, "erin@example.org", "a password mallory chose")) == [
        "INVALID_CREDENTIALS"
    ]
    # The first confirmation link would now confirm nothing new: it is spent.
    assert codes(await verify(service, mallory_link)) == ["INVALID_TOKEN"]


async def test_request_password_reset_answers_alike_for_known_and_unknown(
    service: Service,
) -> None:
    await signed_up(service, "alice@example.org")
    known = await request_reset(service, "Alice@example.org ")
    unknown = await request_reset(service, "nobody@example.org")
    assert known == unknown == {"data": {"requestPasswordReset": {"errors": []}}}
    await reset_token(service, "alice@example.org")
    assert await OutboxMessage.filter(to_address="nobody@example.org").count() == 0
    bad = await request_reset(service, "nobody")
    assert [(e["code"], e["field"]) for e in bad["data"]["requestPasswordReset"]["errors"]] == [
        ("INVALID_INPUT", "email")
    ]


async def test_reset_links_to_one_address_are_capped_per_hour(service: Service) -> None:
    """The form cannot flood a mailbox; the answer does not change."""
    alice = await signed_up(service, "alice@example.org")
    answers = [await request_reset(service, alice.email) for _ in range(MAX_RESETS_PER_HOUR + 2)]
    assert all(a == {"data": {"requestPasswordReset": {"errors": []}}} for a in answers)
    assert (
        await OutboxMessage.filter(to_address=alice.email, kind="reset_password").count()
        == MAX_RESETS_PER_HOUR
    )
    await AuthToken.filter(purpose=TokenPurpose.RESET_PASSWORD).update(
        created_at=now() - timedelta(hours=1, seconds=1)
    )
    await request_reset(service, alice.email)
    assert (
        await OutboxMessage.filter(to_address=alice.email, kind="reset_password").count()
        == MAX_RESETS_PER_HOUR + 1
    )


async def test_log_in_says_invalid_credentials_alike(service: Service) -> None:
    await signed_up(service, "alice@example.org")
    unknown = await log_in(service, "nobody@example.org", PASSWORD)
    wrong = await log_in(service, "alice@example.org", "not the right password at all")
    assert unknown == wrong
    assert codes(unknown) == ["INVALID_CREDENTIALS"]
    assert unknown["token"] is None and unknown["user"] is None


async def test_email_not_verified_only_with_the_right_password(service: Service) -> None:
    assert (await sign_up(service, "erin@example.org"))["errors"] == []
    assert codes(await log_in(service, "erin@example.org", "a wrong password here")) == [
        "INVALID_CREDENTIALS"
    ]
    assert codes(await log_in(service, "erin@example.org", PASSWORD)) == ["EMAIL_NOT_VERIFIED"]
    assert await Session.all().count() == 0


async def test_failed_log_ins_are_throttled_per_address(service: Service) -> None:
    """After 5 failures in 15 minutes even the right password waits for the window."""
    alice = await signed_up(service, "alice@example.org")
    bob = await signed_up(service, "bob@example.org")
    for _ in range(5):
        assert codes(await log_in(service, "ALICE@example.org", "not the password, sorry")) == [
            "INVALID_CREDENTIALS"
        ]
    assert codes(await log_in(service, alice.email, PASSWORD)) == ["RATE_LIMITED"]
    assert codes(await log_in(service, alice.email, "still not the password")) == ["RATE_LIMITED"]
    assert (await log_in(service, bob.email, PASSWORD))["errors"] == []  # per address

    # Fifteen minutes later the failures have left the window.
    await LoginFailure.filter(email=alice.email).update(
        created_at=now() - timedelta(minutes=15, seconds=1)
    )
    assert (await log_in(service, alice.email, PASSWORD))["errors"] == []


async def test_unknown_addresses_are_throttled_too(service: Service) -> None:
    for _ in range(5):
        assert codes(await log_in(service, "ghost@example.org", PASSWORD)) == [
            "INVALID_CREDENTIALS"
        ]
    assert codes(await log_in(service, "ghost@example.org", PASSWORD)) == ["RATE_LIMITED"]


async def test_a_success_clears_the_failures(service: Service) -> None:
    alice = await signed_up(service, "alice@example.org")
    for _ in range(4):
        await log_in(service, alice.email, "not the password, sorry")
    assert (await log_in(service, alice.email, PASSWORD))["errors"] == []
    for _ in range(4):
        await log_in(service, alice.email, "not the password, sorry")
    assert (await log_in(service, alice.email, PASSWORD))["errors"] == []


async def test_a_confirmation_link_works_once(service: Service) -> None:
    assert (await sign_up(service, "alice@example.org"))["errors"] == []
    token = await confirmation_token(service, "alice@example.org")
    assert (await verify(service, token))["errors"] == []
    again = await verify(service, token)
    assert codes(again) == ["INVALID_TOKEN"] and again["token"] is None


async def test_one_link_used_twice_at_once_logs_in_once(service: Service) -> None:
    assert (await sign_up(service, "alice@example.org"))["errors"] == []
    token = await confirmation_token(service, "alice@example.org")
    first, second = await asyncio.gather(verify(service, token), verify(service, token))
    assert sorted([codes(first), codes(second)]) == [[], ["INVALID_TOKEN"]]
    assert await Session.all().count() == 1


async def test_an_expired_or_unknown_confirmation_link_is_refused(service: Service) -> None:
    assert (await sign_up(service, "alice@example.org"))["errors"] == []
    token = await confirmation_token(service, "alice@example.org")
    await AuthToken.filter(purpose=TokenPurpose.VERIFY_EMAIL).update(
        expires_at=now() - timedelta(seconds=1)
    )
    assert codes(await verify(service, token)) == ["INVALID_TOKEN"]
    assert codes(await verify(service, "")) == ["INVALID_TOKEN"]
    assert codes(await verify(service, "made-up-token")) == ["INVALID_TOKEN"]
    assert (await User.get(email="alice@example.org")).email_verified_at is None


async def test_confirmation_tokens_expire_after_48_hours_and_resets_after_one(
    service: Service,
) -> None:
    assert (await sign_up(service, "alice@example.org"))["errors"] == []
    await confirmation_token(service, "alice@example.org")
    await request_reset(service, "alice@example.org")
    await reset_token(service, "alice@example.org")
    lifetimes = {
        token.purpose: token.expires_at - token.created_at for token in await AuthToken.all()
    }
    slack = timedelta(seconds=5)
    assert abs(lifetimes[TokenPurpose.VERIFY_EMAIL] - timedelta(hours=48)) < slack
    assert abs(lifetimes[TokenPurpose.RESET_PASSWORD] - timedelta(hours=1)) < slack
    # Only hashes are stored.
    mailed = token_in(service.mailbox.to("alice@example.org")[0].text, "/verify-email")
    assert mailed not in {token.token_hash for token in await AuthToken.all()}


async def test_a_reset_link_works_once_and_expires(service: Service) -> None:
    alice = await signed_up(service, "alice@example.org")
    await request_reset(service, alice.email)
    token = await reset_token(service, alice.email)
    assert (await reset(service, token))["errors"] == []
    assert codes(await reset(service, token, "yet another long password")) == ["INVALID_TOKEN"]

    await request_reset(service, alice.email)
    late = await reset_token(service, alice.email, count=2)
    await AuthToken.filter(purpose=TokenPurpose.RESET_PASSWORD, used_at=None).update(
        expires_at=now() - timedelta(seconds=1)
    )
    assert codes(await reset(service, late, "yet another long password")) == ["INVALID_TOKEN"]
    assert (await log_in(service, alice.email, NEW_PASSWORD))["errors"] == []


async def test_an_older_reset_link_dies_when_a_newer_one_is_used(service: Service) -> None:
    alice = await signed_up(service, "alice@example.org")
    await request_reset(service, alice.email)
    await request_reset(service, alice.email)
    older = await reset_token(service, alice.email, count=1)
    newer = await reset_token(service, alice.email, count=2)
    assert (await reset(service, newer))["errors"] == []
    assert codes(await reset(service, older, "yet another long password")) == ["INVALID_TOKEN"]


async def test_a_weak_new_password_is_refused_and_keeps_the_link(service: Service) -> None:
    alice = await signed_up(service, "alice@example.org")
    await request_reset(service, alice.email)
    token = await reset_token(service, alice.email)
    weak = await reset(service, token, "too short")
    assert [(e["code"], e["field"]) for e in weak["errors"]] == [("INVALID_INPUT", "newPassword")]
    assert (await me(service, alice.token))["id"] == alice.id  # nothing happened
    assert (await reset(service, token))["errors"] == []


async def test_resetting_an_unconfirmed_account_confirms_it(service: Service) -> None:
    """Following the reset link proves the mailbox; the confirmation link is then spent."""
    assert (await sign_up(service, "erin@example.org"))["errors"] == []
    confirmation = await confirmation_token(service, "erin@example.org")
    await request_reset(service, "erin@example.org")
    done = await reset(service, await reset_token(service, "erin@example.org"))
    assert done["errors"] == []
    assert (await me(service, done["token"]))["email"] == "erin@example.org"
    assert (await log_in(service, "erin@example.org", NEW_PASSWORD))["errors"] == []
    assert codes(await verify(service, confirmation)) == ["INVALID_TOKEN"]


async def test_hashing_leaves_the_event_loop_free() -> None:
    """While Argon2 works (in a thread), other tasks on the loop keep running."""
    ticks = 0
    hashing = asyncio.ensure_future(passwords.hash_password(PASSWORD))
    while not hashing.done():
        ticks += 1
        await asyncio.sleep(0)
    assert ticks > 1
    verifying = asyncio.ensure_future(passwords.verify_password(hashing.result(), PASSWORD))
    ticks = 0
    while not verifying.done():
        ticks += 1
        await asyncio.sleep(0)
    assert ticks > 1 and verifying.result() is True


async def test_log_in_rehashes_a_password_hashed_with_older_parameters(service: Service) -> None:
    alice = await signed_up(service, "alice@example.org")
    current = (await User.get(email=alice.email)).password_hash
    assert (await log_in(service, alice.email, PASSWORD))["errors"] == []
    assert (await User.get(email=alice.email)).password_hash == current  # nothing to do

    weaker = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)
    old_hash = weaker.hash(PASSWORD)
    assert passwords.needs_rehash(old_hash)
    await User.filter(email=alice.email).update(password_hash=old_hash)

    assert (await log_in(service, alice.email, PASSWORD))["errors"] == []
    rehashed = (await User.get(email=alice.email)).password_hash
    assert rehashed != old_hash and rehashed.startswith("$argon2id$")
    assert not passwords.needs_rehash(rehashed)
    assert await passwords.verify_password(rehashed, PASSWORD)


async def test_log_in_sets_the_session_cookie_and_log_out_clears_it(service: Service) -> None:
    alice = await signed_up(service, "alice@example.org", "Alice")
    service.client.cookies.clear()
    response = await service.client.post(
        "/graphql",
        json={"query": LOG_IN, "variables": {"i": {"email": alice.email, "password": PASSWORD}}},
    )
    token = response.json()["data"]["logIn"]["token"]
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{SESSION_COOKIE}={token};")
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/" in cookie

    # The cookie alone (on a JSON POST) carries the session.
    by_cookie = await service.client.post("/graphql", json={"query": ME})
    assert by_cookie.json()["data"]["me"]["id"] == alice.id

    out = await service.client.post("/graphql", json={"query": LOG_OUT})
    assert out.json()["data"]["logOut"]["errors"] == []
    cleared = out.headers["set-cookie"]
    assert cleared.startswith(f'{SESSION_COOKIE}="";') and "Max-Age=0" in cleared
    assert SESSION_COOKIE not in service.client.cookies
    # The session is over on the server too, not only in the browser.
    assert await me(service, token) is None
    assert (await me(service, alice.token))["id"] == alice.id


async def test_verify_email_and_reset_password_set_the_cookie_too(service: Service) -> None:
    assert (await sign_up(service, "alice@example.org"))["errors"] == []
    token = await confirmation_token(service, "alice@example.org")
    service.client.cookies.clear()
    response = await service.client.post(
        "/graphql", json={"query": VERIFY, "variables": {"i": {"token": token}}}
    )
    session = response.json()["data"]["verifyEmail"]["token"]
    assert response.headers["set-cookie"].startswith(f"{SESSION_COOKIE}={session};")


async def test_a_failed_log_in_sets_no_cookie(service: Service) -> None:
    await signed_up(service, "alice@example.org")
    service.client.cookies.clear()
    response = await service.client.post(
        "/graphql",
        json={
            "query": LOG_IN,
            "variables": {"i": {"email": "alice@example.org", "password": "wrong password here"}},
        },
    )
    assert "set-cookie" not in response.headers


async def test_a_bearer_token_wins_over_the_cookie(service: Service) -> None:
    alice = await signed_up(service, "alice@example.org")
    bob = await signed_up(service, "bob@example.org")
    service.client.cookies.clear()
    service.client.cookies.set(SESSION_COOKIE, alice.token)
    response = await service.client.post("/graphql", json={"query": ME}, headers=bob.headers)
    assert response.json()["data"]["me"]["id"] == bob.id
    service.client.cookies.clear()


async def test_logging_out_a_bearer_session_ends_it_on_the_server(service: Service) -> None:
    alice: Person = await signed_up(service, "alice@example.org")
    assert await Session.filter(user__email=alice.email).count() == 1
    assert (await gql(service, LOG_OUT, token=alice.token))["data"]["logOut"]["errors"] == []
    assert await Session.filter(user__email=alice.email).count() == 0
    assert await me(service, alice.token) is None
    # Logging out again, or anonymously, is harmless.
    assert (await gql(service, LOG_OUT))["data"]["logOut"]["errors"] == []


async def test_the_session_payloads_show_the_user_their_own_address(service: Service) -> None:
    """logIn, verifyEmail and resetPassword answer the user as they see themselves."""
    assert (await sign_up(service, " Alice@Example.org ", PASSWORD, "Alice"))["errors"] == []
    token = await confirmation_token(service, "alice@example.org")
    verified = await gql(service, VERIFY_WITH_EMAIL, {"i": {"token": token}})
    assert verified["data"]["verifyEmail"]["user"]["email"] == "alice@example.org"

    logged_in = await log_in(service, "ALICE@example.org", PASSWORD)
    assert logged_in["user"]["email"] == "alice@example.org"
    assert (await log_in(service, "alice@example.org", "not the password"))["user"] is None

    await request_reset(service, "alice@example.org")
    done = await reset(service, await reset_token(service, "alice@example.org"))
    assert done["errors"] == [] and done["user"]["email"] == "alice@example.org"
