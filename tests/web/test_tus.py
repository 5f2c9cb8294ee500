"""Resumable uploads with tus 1.0 (SPEC section 15), sent by a real tus client (tuspy), on
local files and on a real S3-compatible server."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import io
import os
from datetime import timedelta

import anyio.to_thread
import pytest
from tusclient.client import TusClient
from tusclient.exceptions import TusCommunicationError
from tusclient.uploader import Uploader

from models import ResumableUpload
from services import resumable
from services.clock import now
from services.housekeeping.schedule import run_housekeeping
from tests.conftest import Service, ServiceFactory
from tests.sql_counter import count_statements
from tests.stored import on_s3, stored_keys
from tests.story import Person, create_dataset, delete_dataset, gql, share, signed_up

MIB = 1024 * 1024
PART = 8 * MIB  # an S3 part
FILES = """query($id: ID!) { dataset(id: $id) {
  uploadStatus file { filename sha256 }
  files { filename contentType sizeBytes sha256 downloadUrl } } }"""


@pytest.fixture
def storage_settings(both_storages: dict[str, str]) -> dict[str, str]:
    return both_storages


class Sha256Uploader(Uploader):
    """tuspy checksums with SHA-1 unless told otherwise; datashare takes SHA-256."""

    CHECKSUM_ALGORITHM_PAIR = ("sha256", hashlib.sha256)


def files_url(service: Service, dataset_id: str) -> str:
    return f"{service.base_url}/uploads/datasets/{dataset_id}/files"


def tus_headers(person: Person | None, **extra: str) -> dict[str, str]:
    return {"Tus-Resumable": "1.0.0", **(person.headers if person else {}), **extra}


async def tus_upload(
    service: Service,
    person: Person,
    dataset_id: str,
    body: bytes,
    name: str,
    *,
    chunk_size: int = 3 * MIB,
    checksum: bool = True,
    url: str | None = None,
    stop_at: int | None = None,
) -> str:
    """Upload with tuspy (run in a thread: it blocks) and return the upload's URL."""

    def send() -> str:
        client = TusClient(files_url(service, dataset_id), headers=person.headers)
        uploader = Sha256Uploader(
            client=client,
            file_stream=io.BytesIO(body),
            url=url,
            chunk_size=chunk_size,
            metadata={"filename": name, "filetype": "application/octet-stream"},
            upload_checksum=checksum,
            retries=0,
        )
        uploader.upload(stop_at=stop_at)
        return str(uploader.url)

    return await anyio.to_thread.run_sync(send)


async def files_of(service: Service, person: Person, dataset_id: str) -> dict:
    body = await gql(service, FILES, {"id": dataset_id}, token=person.token)
    return body["data"]["dataset"]


async def download(service: Service, person: Person, url: str) -> bytes:
    service.client.cookies.clear()
    answer = await service.client.get(url, headers=person.headers)
    assert answer.status_code == 200, answer.text
    return answer.content


async def test_options_advertise_the_protocol(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    answer = await service.client.options(files_url(service, image))
    assert answer.status_code == 204
    assert answer.headers["tus-version"] == "1.0.0"
    assert answer.headers["tus-resumable"] == "1.0.0"
    assert set(answer.headers["tus-extension"].split(",")) == {
        "creation",
        "termination",
        "checksum",
        "expiration",
    }
    assert answer.headers["tus-max-size"] == str(service.settings.max_upload_bytes)
    assert answer.headers["tus-checksum-algorithm"] == "sha256"


async def test_a_tus_client_uploads_several_files(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    first = os.urandom(11 * MIB + 5)  # several S3 parts and a tail between requests
    second = os.urandom(1000)
    await tus_upload(service, alice, image, first, "kidney.tiff")
    await tus_upload(service, alice, image, second, "notes.txt", checksum=False)

    seen = await files_of(service, alice, image)
    assert seen["uploadStatus"] == "READY"
    assert seen["file"] == {
        "filename": "kidney.tiff",
        "sha256": hashlib.sha256(first).hexdigest(),
    }
    by_name = {f["filename"]: f for f in seen["files"]}
    assert [f["filename"] for f in seen["files"]] == ["kidney.tiff", "notes.txt"]
    assert by_name["notes.txt"]["sha256"] == hashlib.sha256(second).hexdigest()
    assert by_name["notes.txt"]["sizeBytes"] == 1000
    assert await download(service, alice, by_name["kidney.tiff"]["downloadUrl"]) == first
    assert await download(service, alice, by_name["notes.txt"]["downloadUrl"]) == second
    # Nothing of an upload under way is left once it is a file.
    assert await ResumableUpload.all().count() == 0
    assert len(await stored_keys(service)) == 2


async def test_a_finished_upload_replaces_the_file_of_the_same_name(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    await tus_upload(service, alice, image, b"old kidney", "kidney.tiff")
    await tus_upload(service, alice, image, b"liver", "liver.tiff")
    await tus_upload(service, alice, image, b"new kidney", "kidney.tiff")
    seen = await files_of(service, alice, image)
    assert [f["filename"] for f in seen["files"]] == ["kidney.tiff", "liver.tiff"]
    assert seen["file"]["filename"] == "kidney.tiff"  # still the first uploaded
    assert await download(service, alice, seen["files"][0]["downloadUrl"]) == b"new kidney"
    assert len(await stored_keys(service)) == 2

    # The primary file's own URL serves it too.
    primary = f"{service.base_url}/files/datasets/{image}"
    assert await download(service, alice, primary) == b"new kidney"


async def test_delete_dataset_file_and_put_keep_their_meaning(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    bob = await signed_up(service, "bob@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    await share(service, alice, image, ["bob@lab.example"], canShare=True, notify=False)
    await tus_upload(service, alice, image, b"kidney", "kidney.tiff")
    await tus_upload(service, alice, image, b"liver", "liver.tiff")
    delete = """mutation($i: DeleteDatasetFileInput!) { deleteDatasetFile(input: $i) {
      dataset { file { filename } files { filename } } errors { code field } } }"""

    refused = await gql(
        service, delete, {"i": {"datasetId": image, "filename": "kidney.tiff"}}, token=bob.token
    )
    assert refused["data"]["deleteDatasetFile"]["errors"][0]["code"] == "FORBIDDEN"
    missing = await gql(
        service, delete, {"i": {"datasetId": image, "filename": "nope"}}, token=alice.token
    )
    assert missing["data"]["deleteDatasetFile"]["errors"] == [
        {"code": "NOT_FOUND", "field": "filename"}
    ]
    done = await gql(
        service, delete, {"i": {"datasetId": image, "filename": "kidney.tiff"}}, token=alice.token
    )
    payload = done["data"]["deleteDatasetFile"]
    assert payload["errors"] == []
    assert payload["dataset"] == {
        "file": {"filename": "liver.tiff"},
        "files": [{"filename": "liver.tiff"}],
    }
    assert len(await stored_keys(service)) == 1

    # A whole-file PUT makes the dataset's files that one file.
    service.client.cookies.clear()
    put = await service.client.put(
        f"{service.base_url}/uploads/datasets/{image}",
        content=b"only",
        headers={**alice.headers, "Content-Disposition": 'attachment; filename="only.tiff"'},
    )
    assert put.status_code == 201
    seen = await files_of(service, alice, image)
    assert [f["filename"] for f in seen["files"]] == ["only.tiff"]
    assert len(await stored_keys(service)) == 1


async def test_protocol_errors(start_service: ServiceFactory) -> None:
    service = await start_service(MAX_UPLOAD_BYTES=str(2 * MIB))
    alice = await signed_up(service, "alice@lab.example")
    bob = await signed_up(service, "bob@lab.example")
    dave = await signed_up(service, "dave@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    await share(service, alice, image, ["bob@lab.example"], canShare=True, notify=False)
    url = files_url(service, image)
    metadata = "filename " + base64.b64encode(b"a.bin").decode()
    post = service.client.post

    too_big = await post(url, headers=tus_headers(alice, **{"Upload-Length": str(2 * MIB + 1)}))
    assert too_big.status_code == 413
    assert (await post(url, headers=tus_headers(bob, **{"Upload-Length": "5"}))).status_code == 404
    assert (await post(url, headers=tus_headers(dave, **{"Upload-Length": "5"}))).status_code == 404
    assert (await post(url, headers=tus_headers(None, **{"Upload-Length": "5"}))).status_code == 401
    no_version = await post(url, headers={**alice.headers, "Upload-Length": "5"})
    assert no_version.status_code == 412
    assert (await post(url, headers=tus_headers(alice))).status_code == 400

    created = await post(
        url, headers=tus_headers(alice, **{"Upload-Length": "10", "Upload-Metadata": metadata})
    )
    assert created.status_code == 201
    assert "upload-expires" in created.headers
    upload = created.headers["location"]

    def patch_headers(offset: int, **extra: str) -> dict[str, str]:
        return tus_headers(
            alice,
            **{
                "Content-Type": "application/offset+octet-stream",
                "Upload-Offset": str(offset),
                **extra,
            },
        )

    patch = service.client.patch
    assert (await patch(upload, content=b"abc", headers=patch_headers(3))).status_code == 409
    wrong_type = {**patch_headers(0), "Content-Type": "application/octet-stream"}
    assert (await patch(upload, content=b"abc", headers=wrong_type)).status_code == 415
    sha1 = patch_headers(0, **{"Upload-Checksum": "sha1 " + base64.b64encode(b"x" * 20).decode()})
    assert (await patch(upload, content=b"abc", headers=sha1)).status_code == 400
    bad = base64.b64encode(hashlib.sha256(b"abd").digest()).decode()
    mismatch = await patch(
        upload, content=b"abc", headers=patch_headers(0, **{"Upload-Checksum": f"sha256 {bad}"})
    )
    assert mismatch.status_code == 460
    good = base64.b64encode(hashlib.sha256(b"abc").digest()).decode()
    sent = await patch(
        upload, content=b"abc", headers=patch_headers(0, **{"Upload-Checksum": f"sha256 {good}"})
    )
    assert sent.status_code == 204 and sent.headers["upload-offset"] == "3"
    head = await service.client.head(upload, headers=tus_headers(alice))
    assert head.headers["upload-offset"] == "3" and head.headers["upload-length"] == "10"
    assert head.headers["cache-control"] == "no-store"
    assert (await service.client.head(upload, headers=tus_headers(bob))).status_code == 404
    past = await patch(upload, content=b"x" * 8, headers=patch_headers(3))
    assert past.status_code == 400

    assert (await service.client.delete(upload, headers=tus_headers(dave))).status_code == 404
    assert (await service.client.delete(upload, headers=tus_headers(alice))).status_code == 204
    assert (await service.client.head(upload, headers=tus_headers(alice))).status_code == 404
    assert await stored_keys(service) == []
    assert await ResumableUpload.all().count() == 0


async def test_a_patch_runs_three_statements_and_only_the_owner_appends(
    service: Service,
) -> None:
    """Each PATCH asks again who is sending and whether they own the dataset, at a fixed
    cost: the session, the upload leased if the sender owns its dataset, the progress."""
    alice = await signed_up(service, "alice@lab.example")
    bob = await signed_up(service, "bob@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    await share(service, alice, image, ["bob@lab.example"], canShare=True, notify=False)
    body = os.urandom(3 * MIB)
    metadata = "filename " + base64.b64encode(b"run.bin").decode()
    created = await service.client.post(
        files_url(service, image),
        headers=tus_headers(
            alice, **{"Upload-Length": str(len(body)), "Upload-Metadata": metadata}
        ),
    )
    upload = created.headers["location"]

    def patch_headers(person: Person, offset: int) -> dict[str, str]:
        return tus_headers(
            person,
            **{"Content-Type": "application/offset+octet-stream", "Upload-Offset": str(offset)},
        )

    patch = service.client.patch
    assert (
        await patch(upload, content=body[:MIB], headers=patch_headers(bob, 0))
    ).status_code == 404
    with count_statements() as statements:
        answer = await patch(upload, content=body[:MIB], headers=patch_headers(alice, 0))
    assert answer.status_code == 204 and answer.headers["upload-offset"] == str(MIB)
    assert len(statements) == 3, statements
    rest = await patch(upload, content=body[MIB:], headers=patch_headers(alice, MIB))
    assert rest.status_code == 204
    seen = await files_of(service, alice, image)
    assert seen["file"]["sha256"] == hashlib.sha256(body).hexdigest()


async def test_unfinished_uploads_expire(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    body = os.urandom(4 * MIB)
    upload = await tus_upload(service, alice, image, body, "a.bin", chunk_size=MIB, stop_at=2 * MIB)
    assert await stored_keys(service) != []
    assert await resumable.purge_expired(service.settings) == 0
    await ResumableUpload.all().update(expires_at=now() - timedelta(seconds=1))
    head = await service.client.head(upload, headers=tus_headers(alice))
    assert head.status_code == 404
    await run_housekeeping(service.settings)  # what the worker does soon after start, then hourly
    assert await stored_keys(service) == []
    assert await ResumableUpload.all().count() == 0


async def test_a_dropped_connection_resumes_where_it_stopped(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    body = os.urandom(6 * MIB + 17)
    created = await service.client.post(
        files_url(service, image),
        headers=tus_headers(
            alice,
            **{
                "Upload-Length": str(len(body)),
                "Upload-Metadata": "filename " + base64.b64encode(b"run.bin").decode(),
            },
        ),
    )
    upload = created.headers["location"]
    # One PATCH for the whole file, cut off after 2.5 MiB.
    port = int(service.base_url.rsplit(":", 1)[1])
    path = upload.split(str(port), 1)[1]
    _reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(
        (
            f"PATCH {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nTus-Resumable: 1.0.0\r\n"
            f"Authorization: Bearer {alice.token}\r\n"
            f"Content-Type: application/offset+octet-stream\r\nUpload-Offset: 0\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode()
        + body[: 5 * MIB // 2]
    )
    await writer.drain()
    await asyncio.sleep(0.3)
    writer.close()

    offset = 0
    for _ in range(100):
        head = await service.client.head(upload, headers=tus_headers(alice))
        offset = int(head.headers["upload-offset"])
        if offset and await ResumableUpload.filter(lease__isnull=True).exists():
            break
        await asyncio.sleep(0.1)
    assert 0 < offset <= 5 * MIB // 2  # what arrived was kept

    await tus_upload(service, alice, image, body, "run.bin", url=upload, chunk_size=2 * MIB)
    seen = await files_of(service, alice, image)
    assert seen["file"]["sha256"] == hashlib.sha256(body).hexdigest()
    assert await download(service, alice, seen["files"][0]["downloadUrl"]) == body


async def test_deleting_a_dataset_removes_its_unfinished_uploads(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    await tus_upload(service, alice, image, b"done", "done.bin")
    await tus_upload(
        service, alice, image, os.urandom(3 * MIB), "half.bin", chunk_size=MIB, stop_at=MIB
    )
    assert await delete_dataset(service, alice, image)
    assert await stored_keys(service) == []
    if on_s3(service):
        from services.storage import backend

        assert await backend(service.settings).unfinished_uploads() == 0  # type: ignore[attr-defined]


async def test_nothing_of_a_file_stays_on_the_servers_disk_with_s3(service: Service) -> None:
    if not on_s3(service):
        return
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    await tus_upload(service, alice, image, os.urandom(2 * MIB), "a.bin", chunk_size=MIB)
    assert not service.settings.uploads_dir.exists()


async def test_an_empty_file(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    created = await service.client.post(
        files_url(service, image),
        headers=tus_headers(
            alice,
            **{
                "Upload-Length": "0",
                "Upload-Metadata": "filename " + base64.b64encode(b"empty.txt").decode(),
            },
        ),
    )
    assert created.status_code == 201
    seen = await files_of(service, alice, image)
    assert seen["files"][0]["sizeBytes"] == 0
    assert await download(service, alice, seen["files"][0]["downloadUrl"]) == b""


async def test_an_upload_whose_server_stopped_before_making_it_a_file(
    service: Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    body = os.urandom(PART + 10)

    async def stopped(*args: object) -> None:
        raise RuntimeError("the server stopped here")

    monkeypatch.setattr(resumable, "_finish", stopped)
    with pytest.raises(TusCommunicationError):  # the server answered 500
        await tus_upload(service, alice, image, body, "late.bin", chunk_size=len(body))
    [upload] = await ResumableUpload.all()
    assert upload.offset == len(body) and upload.lease is None
    monkeypatch.undo()

    # The client asks where it stands: every byte is there, and now it is a file.
    location = f"{files_url(service, image)}/{upload.token}"
    head = await service.client.head(location, headers=tus_headers(alice))
    assert head.headers["upload-offset"] == str(len(body))
    seen = await files_of(service, alice, image)
    assert seen["file"]["sha256"] == hashlib.sha256(body).hexdigest()
    assert await download(service, alice, seen["files"][0]["downloadUrl"]) == body
    assert await ResumableUpload.all().count() == 0
