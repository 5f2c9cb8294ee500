"""Sessions over HTTP, and the session cookie only where a cross-site page cannot forge it."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest

from models import Session, User
from services.clock import now
from services.sessions import start_session
from tests.conftest import Service
from tests.story import create_dataset, signed_up
from web.auth import SESSION_COOKIE

ME = "{ me { displayName } }"
ALICE = {"me": {"displayName": "Alice"}}


@pytest.fixture
async def alice_token(service: Service) -> str:
    """Alice, confirmed, with a fresh session; the session token."""
    alice = await User.create(
        email="alice@example.org",
        display_name="Alice",
        password_hash="not-a-real-hash",
        email_verified_at=now(),
    )
    return await start_session(alice, service.settings)


def with_cookie(service: Service, token: str) -> httpx.AsyncClient:
    """A client like a browser holding Alice's session cookie."""
    return httpx.AsyncClient(base_url=service.base_url, cookies={SESSION_COOKIE: token}, timeout=30)


async def test_cookie_with_a_json_post_acts_as_the_user(service: Service, alice_token: str) -> None:
    async with with_cookie(service, alice_token) as browser:
        response = await browser.post("/graphql", json={"query": ME})
    assert response.status_code == 200
    assert response.json() == {"data": ALICE}


async def test_cookie_with_a_same_origin_post_acts_as_the_user(
    service: Service, alice_token: str
) -> None:
    async with with_cookie(service, alice_token) as browser:
        response = await browser.post(
            "/graphql", json={"query": ME}, headers={"origin": service.base_url}
        )
    assert response.json() == {"data": ALICE}


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("text/plain", b'{"query": "{ me { displayName } }"}'),
        ("text/plain;charset=UTF-8", b'{"query": "{ me { displayName } }"}'),
        ("application/x-www-form-urlencoded", b"query=%7B+me+%7B+displayName+%7D+%7D"),
        ("multipart/form-data; boundary=x", b'--x\r\nContent-Disposition: form-data; name="query"'),
        (None, b'{"query": "{ me { displayName } }"}'),
    ],
)
async def test_cookie_with_a_simple_post_is_refused(
    service: Service, alice_token: str, content_type: str | None, body: bytes
) -> None:
    # What a cross-site form or a no-cors fetch can send: never executed, never as Alice.
    headers = {"content-type": content_type} if content_type else {}
    async with with_cookie(service, alice_token) as browser:
        response = await browser.post("/graphql", content=body, headers=headers)
    assert response.status_code == 415
    assert "data" not in response.json()
    assert "Alice" not in response.text


async def test_cookie_from_another_origin_is_ignored(service: Service, alice_token: str) -> None:
    async with with_cookie(service, alice_token) as browser:
        response = await browser.post(
            "/graphql", json={"query": ME}, headers={"origin": "https://evil.example"}
        )
    assert response.status_code == 200
    assert response.json() == {"data": {"me": None}}


async def test_cookie_with_a_get_query_reads(service: Service, alice_token: str) -> None:
    async with with_cookie(service, alice_token) as browser:
        response = await browser.get("/graphql", params={"query": ME})
    assert response.status_code == 200
    assert response.json() == {"data": ALICE}


async def test_cookie_with_a_get_mutation_is_405(service: Service, alice_token: str) -> None:
    async with with_cookie(service, alice_token) as browser:
        response = await browser.get("/graphql", params={"query": "mutation { logOut }"})
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert "data" not in response.json()
    # The session is untouched: the mutation never ran.
    assert await Session.filter().count() == 1


async def test_a_bearer_token_acts_as_the_user(service: Service, alice_token: str) -> None:
    response = await service.client.post(
        "/graphql", json={"query": ME}, headers={"authorization": f"Bearer {alice_token}"}
    )
    assert response.json() == {"data": ALICE}

    # A bearer token is not sent by browsers on their own: GET reads with it too.
    response = await service.client.get(
        "/graphql", params={"query": ME}, headers={"authorization": f"bearer {alice_token}"}
    )
    assert response.json() == {"data": ALICE}


@pytest.mark.parametrize(
    "authorization", ["Bearer", "Bearer nonsense", "Bearer " + "x" * 500, "Basic YWxpY2U6cHc="]
)
async def test_an_unknown_bearer_token_is_anonymous(
    service: Service, alice_token: str, authorization: str
) -> None:
    response = await service.client.post(
        "/graphql", json={"query": ME}, headers={"authorization": authorization}
    )
    assert response.status_code == 200
    assert response.json() == {"data": {"me": None}}


async def test_an_unknown_cookie_is_anonymous(service: Service, alice_token: str) -> None:
    async with with_cookie(service, alice_token[::-1]) as browser:
        response = await browser.post("/graphql", json={"query": ME})
    assert response.json() == {"data": {"me": None}}


async def test_an_expired_session_is_anonymous(service: Service, alice_token: str) -> None:
    await Session.filter().update(expires_at=now() - timedelta(seconds=1))
    response = await service.client.post(
        "/graphql", json={"query": ME}, headers={"authorization": f"Bearer {alice_token}"}
    )
    assert response.json() == {"data": {"me": None}}
    async with with_cookie(service, alice_token) as browser:
        response = await browser.post("/graphql", json={"query": ME})
    assert response.json() == {"data": {"me": None}}


async def test_cookie_creates_a_tus_upload_only_from_the_apps_own_pages(service: Service) -> None:
    # A tus client's POST has no body and no Content-Type, like a cross-site form's; but it
    # carries Tus-Resumable, which no other site can send without a preflight.
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    creation = f"/uploads/datasets/{image}/files"
    tus = {"tus-resumable": "1.0.0", "upload-length": "5", "upload-metadata": "filename YS50eHQ="}
    own_origin = service.base_url
    async with with_cookie(service, alice.token) as browser:
        created = await browser.post(creation, headers={**tus, "origin": own_origin})
        assert created.status_code == 201, created.text
        assert (await browser.head(created.headers["location"], headers=tus)).status_code == 200

        forged = await browser.post(creation, headers={**tus, "origin": "https://evil.example"})
        assert forged.status_code == 401
