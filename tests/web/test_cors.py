"""Web apps on other origins (`CORS_ORIGINS`): Bearer tokens yes, cookies never."""

from __future__ import annotations

import pytest

from services.settings import load_settings
from tests.conftest import Service, ServiceFactory
from tests.story import create_dataset, signed_up
from web.auth import SESSION_COOKIE

APP = "https://app.example"
ME = "{ me { displayName } }"


def preflight(method: str, headers: str) -> dict[str, str]:
    return {
        "Origin": APP,
        "Access-Control-Request-Method": method,
        "Access-Control-Request-Headers": headers,
    }


async def test_without_cors_origins_no_origin_is_let_in(service: Service) -> None:
    response = await service.client.options("/graphql", headers=preflight("POST", "authorization"))
    assert response.status_code == 405
    assert "access-control-allow-origin" not in response.headers


async def test_a_listed_origin_gets_its_preflights_answered(
    start_service: ServiceFactory,
) -> None:
    service = await start_service(CORS_ORIGINS=f" {APP}/ , http://localhost:5173")
    for path, method, headers in (
        ("/graphql", "POST", "authorization, content-type"),
        ("/graphql", "GET", "authorization"),
        ("/uploads/datasets/RGF0YXNldDox", "PUT", "authorization,content-type,content-disposition"),
        ("/files/datasets/RGF0YXNldDox", "GET", "authorization,range,if-none-match"),
    ):
        response = await service.client.options(path, headers=preflight(method, headers))
        assert response.status_code == 200, (path, response.text)
        assert response.headers["access-control-allow-origin"] == APP
        assert method in response.headers["access-control-allow-methods"]
        assert "authorization" in response.headers["access-control-allow-headers"].lower()
        # Bearer only: a browser never sends credentials where this header is missing.
        assert "access-control-allow-credentials" not in response.headers

    refused = await service.client.options(
        "/graphql", headers={**preflight("POST", "authorization"), "Origin": "https://evil.example"}
    )
    assert refused.status_code == 400
    assert "access-control-allow-origin" not in refused.headers


async def test_a_listed_origin_acts_with_a_bearer_token_and_never_with_the_cookie(
    start_service: ServiceFactory,
) -> None:
    service = await start_service(CORS_ORIGINS=APP)
    alice = await signed_up(service, "alice@lab.example", "Alice")
    client = service.client

    client.cookies.clear()
    bearer = await client.post(
        "/graphql", json={"query": ME}, headers={"Origin": APP, **alice.headers}
    )
    assert bearer.json() == {"data": {"me": {"displayName": "Alice"}}}
    assert bearer.headers["access-control-allow-origin"] == APP
    assert "access-control-allow-credentials" not in bearer.headers

    # The same session as a cookie, from the listed origin and from any other: nobody.
    for origin in (APP, "https://evil.example"):
        client.cookies.clear()
        client.cookies.set(SESSION_COOKIE, alice.token)
        posted = await client.post("/graphql", json={"query": ME}, headers={"Origin": origin})
        assert posted.json() == {"data": {"me": None}}
        got = await client.get("/graphql", params={"query": ME}, headers={"Origin": origin})
        assert got.json() == {"data": {"me": None}}
    client.cookies.clear()

    # The file endpoints: a Bearer upload and download work cross-origin; the cookie does not.
    image = await create_dataset(service, alice, "Kidney", "IMAGE")
    upload = f"/uploads/datasets/{image}"
    headers = {"Origin": APP, "Content-Type": "image/tiff"}
    client.cookies.set(SESSION_COOKIE, alice.token)
    by_cookie = await client.put(upload, content=b"pixels", headers=headers)
    assert by_cookie.status_code == 401
    client.cookies.clear()
    stored = await client.put(upload, content=b"pixels", headers={**headers, **alice.headers})
    assert stored.status_code == 201
    assert stored.headers["access-control-allow-origin"] == APP

    download = f"/files/datasets/{image}"
    client.cookies.set(SESSION_COOKIE, alice.token)
    assert (await client.get(download, headers={"Origin": APP})).status_code == 404
    client.cookies.clear()
    fetched = await client.get(download, headers={"Origin": APP, **alice.headers})
    assert fetched.status_code == 200 and fetched.content == b"pixels"
    assert fetched.headers["access-control-allow-origin"] == APP
    exposed = fetched.headers["access-control-expose-headers"].lower()
    assert "etag" in exposed and "content-disposition" in exposed


@pytest.mark.parametrize("value", ["app.example", "https://app.example/path", "ftp://x", "*"])
def test_cors_origins_must_be_origins(value: str) -> None:
    with pytest.raises(ValueError, match="CORS_ORIGINS"):
        load_settings(env_file=None, overrides={"CORS_ORIGINS": value})
