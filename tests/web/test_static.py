"""The built web app is served at `/` beside the API, without ever standing in its way."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.conftest import APP_PAGE, Service, ServiceFactory
from web.static import CONTENT_SECURITY_POLICY

APP_ROUTES = [
    "/",
    "/signup",
    "/login",
    "/forgot-password",
    "/verify-email?token=abc",
    "/reset-password?token=abc",
    "/datasets/42",
    "/l/some-reviewer-token",
    "/teams",
    "/no/such/page",
    "/graphqlish",
    "/files-of-mine",
]


def assert_app_page(response: httpx.Response) -> None:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert response.text == APP_PAGE
    assert response.headers["cache-control"] == "no-cache"
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "same-origin"


@pytest.mark.parametrize("path", APP_ROUTES)
async def test_app_routes_get_the_app_page(service: Service, path: str) -> None:
    assert_app_page(await service.client.get(path, headers={"accept": "text/html"}))


async def test_the_app_page_itself_is_the_app_page(service: Service) -> None:
    assert_app_page(await service.client.get("/index.html"))


async def test_hashed_assets_are_kept_for_a_year(service: Service) -> None:
    response = await service.client.get("/assets/app-4f2a9c1e.js")
    assert response.status_code == 200
    assert response.text == 'console.log("datashare");\n'
    assert "javascript" in response.headers["content-type"]
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert response.headers["x-content-type-options"] == "nosniff"


async def test_an_unknown_asset_is_not_found_never_the_app(service: Service) -> None:
    for path in ("/assets/app-00000000.js", "/assets/", "/assets"):
        response = await service.client.get(path)
        assert response.status_code == 404, path
        assert response.text != APP_PAGE


async def test_other_real_files_are_served_as_they_are(service: Service) -> None:
    response = await service.client.get("/favicon.svg")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert response.text == (service.settings.webapp_dir / "favicon.svg").read_text()
    assert response.headers["cache-control"] == "no-cache"


async def test_pages_are_revalidated_with_their_etag(service: Service) -> None:
    first = await service.client.get("/datasets/7")
    again = await service.client.get(
        "/datasets/7", headers={"if-none-match": first.headers["etag"]}
    )
    assert again.status_code == 304
    assert again.content == b""


async def test_head_answers_the_headers_alone(service: Service) -> None:
    response = await service.client.head("/signup")
    assert response.status_code == 200
    assert response.content == b""
    assert response.headers["content-length"] == str(len(APP_PAGE.encode()))
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY


async def test_other_methods_on_app_routes_are_not_allowed(service: Service) -> None:
    response = await service.client.post("/signup", json={})
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD"


async def test_files_beside_the_build_are_out_of_reach(service: Service) -> None:
    secret = service.settings.webapp_dir.parent / "secret.txt"
    secret.write_text("not for the web")
    for raw_path in (b"/../secret.txt", b"/assets/../../secret.txt", b"/%2e%2e/secret.txt"):
        # Sent as written: the client would otherwise resolve the dots itself.
        response = await service.client.get(service.base_url, extensions={"target": raw_path})
        assert response.text == APP_PAGE, raw_path


# -- the API is never shadowed ---------------------------------------------------------------


async def test_api_clients_still_reach_graphql(service: Service) -> None:
    response = await service.client.get("/graphql", params={"query": "{ __typename }"})
    assert response.json() == {"data": {"__typename": "Query"}}
    response = await service.client.get("/graphql")
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/json")


async def test_health_checks_are_not_the_app(service: Service) -> None:
    response = await service.client.get("/healthz")
    assert response.json() == {"status": "ok"}


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/uploads/datasets/1", 405),
        ("GET", "/files/datasets/999999", 404),
        ("GET", "/graphql/", 307),  # Starlette points at /graphql
        ("GET", "/uploads", 404),
        ("GET", "/files", 404),
        ("GET", "/healthz/more", 404),
        ("GET", "/metrics/more", 404),
        ("PUT", "/graphql", 405),
    ],
)
async def test_api_paths_answer_for_themselves(
    service: Service, method: str, path: str, status: int
) -> None:
    response = await service.client.request(method, path, headers={"accept": "text/html"})
    assert response.status_code == status, response.text
    assert response.text != APP_PAGE
    assert "content-security-policy" not in response.headers


# -- not built yet ---------------------------------------------------------------------------


async def test_an_unbuilt_app_says_how_to_build_it(
    start_service: ServiceFactory, tmp_path: Path
) -> None:
    service = await start_service(WEBAPP_DIR=str(tmp_path / "not-built"))
    for path in ("/", "/datasets/3"):
        response = await service.client.get(path)
        assert response.status_code == 503
        assert response.headers["content-type"].startswith("text/plain")
        assert "make run" in response.text
    assert (await service.client.get("/assets/app-4f2a9c1e.js")).status_code == 404
    # The API does not need the app.
    response = await service.client.post("/graphql", json={"query": "{ __typename }"})
    assert response.json() == {"data": {"__typename": "Query"}}
