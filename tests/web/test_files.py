"""Uploading and downloading a dataset's file over HTTP (SPEC section 5), on local files and
on a real S3-compatible server."""

from __future__ import annotations

import asyncio
import hashlib
import os
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import unquote

import httpx
import pytest

from models import Dataset, ShareGrant
from services.ids import decode_pk
from tests.conftest import Service, ServiceFactory
from tests.stored import on_s3, read_stored, stored_keys
from tests.story import (
    Person,
    create_dataset,
    delete_dataset,
    gql,
    revoke,
    set_public,
    share,
    signed_up,
)
from web.auth import SESSION_COOKIE

BYTES = os.urandom(3 * 1024 * 1024 + 123)
FILE = """query($id: ID!) { dataset(id: $id) {
  uploadStatus file { filename contentType sizeBytes sha256 downloadUrl } } }"""


@pytest.fixture
def storage_settings(both_storages: dict[str, str]) -> dict[str, str]:
    return both_storages


def upload_url(service: Service, dataset_id: str) -> str:
    return f"{service.base_url}/uploads/datasets/{dataset_id}"


async def put(
    service: Service,
    person: Person | None,
    dataset_id: str,
    body: bytes | AsyncIterator[bytes] = BYTES,
    name: str = "kidney.tiff",
    content_type: str = "image/tiff",
) -> httpx.Response:
    headers = {
        "Content-Type": content_type,
        "Content-Disposition": f'attachment; filename="{name}"',
        **(person.headers if person else {}),
    }
    service.client.cookies.clear()
    return await service.client.put(upload_url(service, dataset_id), content=body, headers=headers)


async def get(
    service: Service, person: Person | None, url: str, method: str = "GET", **headers: str
) -> httpx.Response:
    service.client.cookies.clear()
    return await service.client.request(
        method, url, headers={**(person.headers if person else {}), **headers}
    )


async def file_of(service: Service, person: Person, dataset_id: str) -> dict:
    body = await gql(service, FILE, {"id": dataset_id}, token=person.token)
    return body["data"]["dataset"]


async def test_the_owner_uploads_and_downloads_whole_and_by_ranges(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    assert (await file_of(service, alice, image)) == {"uploadStatus": "PENDING", "file": None}

    response = await put(service, alice, image)
    assert response.status_code == 201
    digest = hashlib.sha256(BYTES).hexdigest()
    assert response.json() == {"sha256": digest, "sizeBytes": len(BYTES)}

    seen = await file_of(service, alice, image)
    assert seen["uploadStatus"] == "READY"
    described = seen["file"]
    assert described["filename"] == "kidney.tiff" and described["contentType"] == "image/tiff"
    assert described["sizeBytes"] == len(BYTES) and described["sha256"] == digest
    url = described["downloadUrl"]
    assert url.startswith(service.base_url + "/files/datasets/")

    whole = await get(service, alice, url)
    assert whole.status_code == 200 and whole.content == BYTES
    assert whole.headers["etag"] == f'"{digest}"'
    assert whole.headers["accept-ranges"] == "bytes"
    assert whole.headers["content-type"].startswith("image/tiff")
    assert whole.headers["cache-control"] == "private, no-store"
    assert whole.headers["x-content-type-options"] == "nosniff"

    head = await get(service, alice, url, method="HEAD")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-length"] == str(len(BYTES))

    size = len(BYTES)
    for wanted, start, end in (
        ("bytes=0-9", 0, 9),
        ("bytes=1000-1999", 1000, 1999),
        ("bytes=-5", size - 5, size - 1),
        (f"bytes={size - 10}-", size - 10, size - 1),
        (f"bytes=5-{size + 50}", 5, size - 1),
    ):
        part = await get(service, alice, url, Range=wanted)
        assert part.status_code == 206, wanted
        assert part.content == BYTES[start : end + 1], wanted
        assert part.headers["content-range"] == f"bytes {start}-{end}/{size}"

    unsatisfiable = await get(service, alice, url, Range=f"bytes={size}-")
    assert unsatisfiable.status_code == 416
    assert unsatisfiable.headers["content-range"] == f"bytes */{size}"

    cached = await get(service, alice, url, **{"If-None-Match": f'"{digest}"'})
    assert cached.status_code == 304 and cached.content == b""
    stale = await get(service, alice, url, Range="bytes=0-9", **{"If-Range": '"other"'})
    assert stale.status_code == 200 and stale.content == BYTES


async def test_file_names_are_made_safe(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    nasty = "Niere ü 😀.tiff"
    headers = {
        **alice.headers,
        "Content-Disposition": "attachment; filename*=UTF-8''"
        + "..%2F..%2Fetc%2F%22quoted%22%5C%0Dx%0A"
        + "Niere%20%C3%BC%20%F0%9F%98%80.tiff",
    }
    service.client.cookies.clear()
    response = await service.client.put(upload_url(service, image), content=b"abc", headers=headers)
    assert response.status_code == 201
    described = (await file_of(service, alice, image))["file"]
    assert "/" not in described["filename"] and "\r" not in described["filename"]
    assert described["filename"].endswith(nasty)
    served = await get(service, alice, described["downloadUrl"])
    disposition = served.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="')
    assert "\r" not in disposition and "\n" not in disposition
    fallback = disposition.split('filename="', 1)[1].split('"', 1)[0]
    assert fallback.isascii() and "\\" not in fallback
    exact = unquote(disposition.split("filename*=UTF-8''", 1)[1])
    assert exact == described["filename"]
    # Stored under a server-made name, never the client's.
    assert all(nasty not in key for key in await stored_keys(service))


async def test_too_large_is_refused_and_leaves_nothing(start_service: ServiceFactory) -> None:
    service = await start_service(MAX_UPLOAD_BYTES="1000")
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")

    announced = await put(service, alice, image, body=b"x" * 1001)
    assert announced.status_code == 413

    async def chunked() -> AsyncIterator[bytes]:
        for _ in range(5):
            yield b"y" * 400

    streamed = await put(service, alice, image, body=chunked())
    assert streamed.status_code == 413
    assert await stored_keys(service) == []
    assert (await file_of(service, alice, image))["file"] is None
    assert (await put(service, alice, image, body=b"z" * 1000)).status_code == 201


async def abandon_upload(service: Service, person: Person, dataset_id: str) -> None:
    """Announce 10 MiB, send 2 MiB of it, and hang up."""
    port = int(service.base_url.rsplit(":", 1)[1])
    _reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(
        (
            f"PUT /uploads/datasets/{dataset_id} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Authorization: Bearer {person.token}\r\nContent-Type: image/tiff\r\n"
            f"Content-Length: {10 * 1024 * 1024}\r\n\r\n"
        ).encode()
        + b"p" * (2 * 1024 * 1024)
    )
    await writer.drain()
    await asyncio.sleep(0.3)
    writer.close()


async def settled(service: Service, count: int) -> list[str]:
    """The stored files, once the server has had time to clean up after a client."""
    for _ in range(50):
        if len(await stored_keys(service)) == count:
            break
        await asyncio.sleep(0.1)
    await asyncio.sleep(0.1)
    return await stored_keys(service)


async def test_a_client_that_disconnects_halfway_leaves_nothing(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")

    await abandon_upload(service, alice, image)
    assert await settled(service, 0) == []
    assert (await file_of(service, alice, image)) == {"uploadStatus": "PENDING", "file": None}

    # Abandoning a new version leaves the earlier one as it was.
    assert (await put(service, alice, image, body=b"first version")).status_code == 201
    before = await file_of(service, alice, image)
    await abandon_upload(service, alice, image)
    [kept] = await settled(service, 1)
    assert await read_stored(service, kept) == b"first version"
    assert await file_of(service, alice, image) == before


async def test_a_too_large_announcement_is_refused_before_the_body(
    start_service: ServiceFactory,
) -> None:
    service = await start_service(MAX_UPLOAD_BYTES=str(1024 * 1024))
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    port = int(service.base_url.rsplit(":", 1)[1])
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    # Headers only: the answer must not wait for 5 GB that will never come.
    writer.write(
        (
            f"PUT /uploads/datasets/{image} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Authorization: Bearer {alice.token}\r\nContent-Type: image/tiff\r\n"
            f"Expect: 100-continue\r\nContent-Length: {5 * 10**9}\r\n\r\n"
        ).encode()
    )
    await writer.drain()
    status_line = await asyncio.wait_for(reader.readline(), timeout=5)
    writer.close()
    assert status_line.startswith(b"HTTP/1.1 413"), status_line
    assert await stored_keys(service) == []


async def test_uploading_again_replaces_the_file(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    assert (await put(service, alice, image, body=b"first version")).status_code == 201
    [first] = await stored_keys(service)
    assert (await put(service, alice, image, body=b"second", name="v2.tiff")).status_code == 201
    [second] = await stored_keys(service)
    assert first != second and await read_stored(service, second) == b"second"
    described = (await file_of(service, alice, image))["file"]
    assert described["filename"] == "v2.tiff"
    assert (await get(service, alice, described["downloadUrl"])).content == b"second"


async def test_only_the_owner_uploads(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    bob = await signed_up(service, "bob@lab.example")
    dave = await signed_up(service, "dave@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    await share(
        service, alice, image, ["bob@lab.example"], canShare=True, canModify=True, notify=False
    )
    assert (await put(service, bob, image)).status_code == 403
    assert (await put(service, dave, image)).status_code == 404
    assert (await put(service, None, image)).status_code == 401
    assert (await put(service, alice, "not-an-id")).status_code == 404
    assert await stored_keys(service) == []


async def test_who_may_download(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    bob = await signed_up(service, "bob@lab.example")
    dave = await signed_up(service, "dave@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    await put(service, alice, image, body=b"pixels")
    url = (await file_of(service, alice, image))["file"]["downloadUrl"]

    assert (await get(service, dave, url)).status_code == 404
    assert (await get(service, None, url)).status_code == 404
    await share(service, alice, image, ["erin@lab.example"], notify=False)  # pending
    assert (await get(service, None, url)).status_code == 404

    grant = (await share(service, alice, image, ["bob@lab.example"], notify=False))["grants"][0]
    assert (await get(service, bob, url)).content == b"pixels"
    await revoke(service, alice, grant["id"])
    assert (await get(service, bob, url)).status_code == 404  # at once

    await set_public(service, alice, image, True)
    assert (await get(service, None, url)).content == b"pixels"
    assert (await get(service, dave, url)).status_code == 200
    await set_public(service, alice, image, False)
    assert (await get(service, None, url)).status_code == 404


async def test_deleting_a_dataset_deletes_its_file(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    await put(service, alice, image, body=b"pixels")
    assert len(await stored_keys(service)) == 1
    assert (await delete_dataset(service, alice, image))["errors"] == []
    assert await stored_keys(service) == []
    assert await Dataset.filter(id=decode_pk(image, "Dataset")).count() == 0


async def test_conditional_and_partial_requests(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    body = bytes(range(256)) * 40
    await put(service, alice, image, body=body)
    url = (await file_of(service, alice, image))["file"]["downloadUrl"]
    etag = f'"{hashlib.sha256(body).hexdigest()}"'

    several = await get(service, alice, url, Range="bytes=0-1,5-9")
    assert several.status_code == 200 and several.content == body
    resumed = await get(service, alice, url, Range="bytes=100-", **{"If-Range": etag})
    assert resumed.status_code == 206 and resumed.content == body[100:]
    dated = await get(
        service, alice, url, Range="bytes=100-", **{"If-Range": "Wed, 21 Oct 2015 07:28:00 GMT"}
    )
    assert dated.status_code == 200 and dated.content == body
    for tags in ("*", f"W/{etag}", f'"other", {etag}'):
        assert (await get(service, alice, url, **{"If-None-Match": tags})).status_code == 304
    assert (await get(service, alice, url, **{"If-None-Match": '"other"'})).status_code == 200

    head = await get(service, alice, url, method="HEAD", Range="bytes=-10")
    assert head.status_code == 206 and head.content == b""
    assert head.headers["content-length"] == "10"
    assert head.headers["content-range"] == f"bytes {len(body) - 10}-{len(body) - 1}/{len(body)}"
    for unsatisfiable in ("bytes=-0", "bytes=20-10", f"bytes={len(body) + 5}-{len(body) + 9}"):
        refused = await get(service, alice, url, Range=unsatisfiable)
        assert refused.status_code == 416, unsatisfiable
        assert refused.headers["content-range"] == f"bytes */{len(body)}"
    served = await get(service, alice, url)
    assert served.headers["content-security-policy"] == "default-src 'none'; sandbox"


async def test_defaults_without_a_name_or_type(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    service.client.cookies.clear()
    response = await service.client.put(
        upload_url(service, image),
        content=b"",
        headers={**alice.headers, "Content-Type": ""},
    )
    assert response.status_code == 201
    assert response.json() == {"sha256": hashlib.sha256(b"").hexdigest(), "sizeBytes": 0}
    described = (await file_of(service, alice, image))["file"]
    assert described["filename"] == "file"
    assert described["contentType"] == "application/octet-stream"
    empty = await get(service, alice, described["downloadUrl"])
    assert empty.status_code == 200 and empty.content == b""
    assert empty.headers["content-length"] == "0"
    assert (
        await get(service, alice, described["downloadUrl"], Range="bytes=0-")
    ).status_code == 416


async def test_a_raw_utf8_name_and_a_long_name(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    headers = {
        b"Authorization": f"Bearer {alice.token}".encode(),
        b"Content-Disposition": 'attachment; filename="Gewebe ü.tiff"'.encode(),
    }
    service.client.cookies.clear()
    sent = await service.client.put(upload_url(service, image), content=b"x", headers=headers)
    assert sent.status_code == 201
    assert (await file_of(service, alice, image))["file"]["filename"] == "Gewebe ü.tiff"

    assert (
        await put(service, alice, image, body=b"x", name="a" * 400 + ".tiff")
    ).status_code == 201
    name = (await file_of(service, alice, image))["file"]["filename"]
    assert len(name) == 255 and name.endswith("a.tiff")


async def test_the_session_cookie_uploads_and_downloads_from_its_own_origin(
    service: Service,
) -> None:
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    async with httpx.AsyncClient(
        base_url=service.base_url, cookies={SESSION_COOKIE: alice.token}, timeout=30
    ) as browser:
        foreign = {"Origin": "https://evil.example"}
        refused = await browser.put(f"/uploads/datasets/{image}", content=b"x", headers=foreign)
        assert refused.status_code == 401
        assert refused.headers["www-authenticate"] == "Bearer"
        own = {"Origin": service.base_url}
        sent = await browser.put(f"/uploads/datasets/{image}", content=b"pixels", headers=own)
        assert sent.status_code == 201
        url = (await file_of(service, alice, image))["file"]["downloadUrl"]
        assert (await browser.get(url)).content == b"pixels"
        assert (await browser.get(url, headers=foreign)).status_code == 404


def open_stored_files(service: Service) -> list[str]:
    """Stored files this process (the server runs in it) holds open."""
    root = str(service.settings.uploads_dir.resolve())
    found = []
    for descriptor in Path("/proc/self/fd").iterdir():
        try:
            target = os.readlink(descriptor)
        except OSError:
            continue
        if target.startswith(root):
            found.append(target)
    return found


async def test_a_download_survives_a_new_upload_and_a_client_that_leaves(
    service: Service,
) -> None:
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    await put(service, alice, image)
    url = (await file_of(service, alice, image))["file"]["downloadUrl"]

    # A download under way when a new version arrives finishes with the bytes it began.
    received = bytearray()
    async with service.client.stream("GET", url, headers=alice.headers) as download:
        chunks = download.aiter_bytes(64 * 1024)
        received += await anext(chunks)
        assert (await put(service, alice, image, body=b"second version")).status_code == 201
        async for chunk in chunks:
            received += chunk
    assert bytes(received) == BYTES
    assert (await get(service, alice, url)).content == b"second version"

    # A client that leaves halfway: the server lets go of the file.
    await put(service, alice, image)
    if on_s3(service):
        return  # no open files to count: the object's connection is closed the same way
    async with service.client.stream("GET", url, headers=alice.headers) as download:
        await anext(download.aiter_bytes(64 * 1024))
    for _ in range(50):
        if not open_stored_files(service):
            break
        await asyncio.sleep(0.1)
    assert open_stored_files(service) == []
    assert (await get(service, alice, url)).content == BYTES


async def test_a_deleted_grant_row_ends_downloads_at_once(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    bob = await signed_up(service, "bob@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    await put(service, alice, image, body=b"pixels")
    url = (await file_of(service, alice, image))["file"]["downloadUrl"]
    await share(service, alice, image, ["bob@lab.example"], notify=False)
    assert (await get(service, bob, url)).content == b"pixels"
    await ShareGrant.filter(dataset_id=decode_pk(image, "Dataset")).delete()
    assert (await get(service, bob, url)).status_code == 404
