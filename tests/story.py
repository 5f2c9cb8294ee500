"""People and their sessions, made the way a client makes them (SPEC section 1)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tests.conftest import Service

PASSWORD = "correct horse battery staple"

SIGN_UP = """mutation($i: SignUpInput!) { signUp(input: $i) { errors { code field message } } }"""
VERIFY = """mutation($i: VerifyEmailInput!) {
  verifyEmail(input: $i) { token user { id displayName email } errors { code message } } }"""
LOG_IN = """mutation($i: LogInInput!) {
  logIn(input: $i) { token user { id email } errors { code field message } } }"""


@dataclass
class Person:
    email: str
    display_name: str
    password: str
    token: str
    id: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


async def gql(
    service: Service,
    query: str,
    variables: dict[str, Any] | None = None,
    token: str | None = None,
) -> Any:
    """POST a GraphQL document; the answer must be HTTP 200 without GraphQL errors."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    # Who is asking is the token alone: drop the cookie the last log-in left behind.
    service.client.cookies.clear()
    response = await service.client.post(
        "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body["errors"]
    return body


def token_in(text: str, path: str) -> str:
    """The `?token=` of the link to `path` in an email."""
    found = re.search(re.escape(path) + r"\?token=([A-Za-z0-9_\-]+)", text)
    assert found, f"no {path} link in:\n{text}"
    return found.group(1)


async def sign_up(
    service: Service, email: str, password: str = PASSWORD, display_name: str | None = None
) -> Any:
    body = await gql(
        service,
        SIGN_UP,
        {
            "i": {
                "email": email,
                "password": password,
                "displayName": display_name or email.split("@")[0],
            }
        },
    )
    return body["data"]["signUp"]


async def confirmation_token(service: Service, email: str) -> str:
    """The token of the newest confirmation link sent to `email` (waiting for one)."""
    count = 1
    while True:
        messages = await service.mailbox.wait_for(count, to=email)
        confirmations = [m for m in messages if "/verify-email?token=" in m.text]
        if confirmations:
            return token_in(confirmations[-1].text, "/verify-email")
        count = len(messages) + 1


async def signed_up(
    service: Service, email: str, display_name: str | None = None, password: str | None = None
) -> Person:
    """Sign up, confirm by the emailed link, and hold the session it opens."""
    password = password or PASSWORD
    address = email.strip().lower()
    name = display_name or address.split("@")[0]
    assert (await sign_up(service, email, password, name))["errors"] == []
    token = await confirmation_token(service, address)
    verified = (await gql(service, VERIFY, {"i": {"token": token}}))["data"]["verifyEmail"]
    assert verified["errors"] == [], verified["errors"]
    user = verified["user"]
    return Person(address, name, password, verified["token"], user["id"])


async def log_in(service: Service, email: str, password: str = PASSWORD) -> Any:
    return (await gql(service, LOG_IN, {"i": {"email": email, "password": password}}))["data"][
        "logIn"
    ]


async def people(service: Service, *names: str) -> list[Person]:
    """Confirmed people with sessions, one per name, at `name@lab.example`."""
    return [await signed_up(service, f"{name}@lab.example") for name in names]
