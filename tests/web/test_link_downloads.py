"""Downloads through reviewer links (SPEC section 12): a signed, short-lived URL that plain
curl can use, checked against the link on every request."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlencode, urlsplit

from services import links
from services.ids import decode_pk
from tests.conftest import Service, ServiceFactory
from tests.story import (
    Person,
    by_link,
    create_dataset,
    create_link,
    link_token,
    people,
    revoke_link,
)
from tests.web.test_files import BYTES, get, put
from tests.web.test_tus import tus_upload

FILE = "file { filename downloadUrl }"


async def uploaded_image(service: Service, owner: Person) -> str:
    image = await create_dataset(service, owner, "Kidney section", "IMAGE")
    assert (await put(service, owner, image)).status_code == 201
    return image


async def link_download_url(service: Service, token: str) -> str:
    seen = await by_link(service, token, FILE)
    return str(seen["file"]["downloadUrl"])


async def test_a_link_viewer_downloads_with_plain_http_ranges_included(
    service: Service,
) -> None:
    (alice,) = await people(service, "alice")
    image = await uploaded_image(service, alice)
    token = link_token((await create_link(service, alice, image, anonymous=True))["url"])

    url = await link_download_url(service, token)

    assert url.startswith(f"{service.base_url}/files/datasets/{image}?")
    whole = await get(service, None, url)
    assert whole.status_code == 200
    assert whole.content == BYTES
    assert "kidney.tiff" in whole.headers["content-disposition"]
    part = await get(service, None, url, Range="bytes=10-19")
    assert part.status_code == 206
    assert part.content == BYTES[10:20]
    head = await get(service, None, url, "HEAD")
    assert (head.status_code, head.headers["content-length"]) == (200, str(len(BYTES)))
    # Without the permission the plain URL shows nothing: the dataset is private.
    assert (await get(service, None, url.split("?")[0])).status_code == 404


async def test_the_url_stops_at_once_when_the_link_is_revoked(service: Service) -> None:
    (alice,) = await people(service, "alice")
    image = await uploaded_image(service, alice)
    made = await create_link(service, alice, image)
    url = await link_download_url(service, link_token(made["url"]))
    assert (await get(service, None, url)).status_code == 200

    assert (await revoke_link(service, alice, made["shareLink"]["id"]))["errors"] == []

    assert (await get(service, None, url)).status_code == 404
    assert (await get(service, None, url, "HEAD")).status_code == 404


async def test_the_url_stops_when_the_link_expires(service: Service) -> None:
    (alice,) = await people(service, "alice")
    image = await uploaded_image(service, alice)
    expires = (datetime.now(UTC) + timedelta(seconds=2)).isoformat()
    made = await create_link(service, alice, image, expiresAt=expires)
    url = await link_download_url(service, link_token(made["url"]))
    deadline = asyncio.get_running_loop().time() + 30
    while (await get(service, None, url, "HEAD")).status_code == 200:
        assert asyncio.get_running_loop().time() < deadline, "the link never expired"
        await asyncio.sleep(0.1)
    assert (await get(service, None, url)).status_code == 404


async def test_no_download_when_the_link_does_not_allow_it(service: Service) -> None:
    (alice,) = await people(service, "alice")
    image = await uploaded_image(service, alice)
    made = await create_link(service, alice, image, allowDownload=False)
    seen = await by_link(
        service, link_token(made["url"]), f"viewerPermissions {{ canDownload }} {FILE}"
    )

    assert seen["viewerPermissions"]["canDownload"] is False
    assert seen["file"]["filename"] == "kidney.tiff"
    assert (await get(service, None, seen["file"]["downloadUrl"])).status_code == 404


async def test_a_permission_holds_for_its_link_file_and_time_alone(service: Service) -> None:
    (alice,) = await people(service, "alice")
    image = await uploaded_image(service, alice)
    other = await uploaded_image(service, alice)
    made = await create_link(service, alice, image)
    url = await link_download_url(service, link_token(made["url"]))
    query = {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}
    base = f"{service.base_url}/files/datasets"

    def signed(dataset: str, **changes: str) -> str:
        return f"{base}/{dataset}?{urlencode({**query, **changes})}"

    assert (await get(service, None, signed(image))).status_code == 200
    # Valid for 15 minutes.
    assert 14 * 60 < int(query["expires"]) - datetime.now(UTC).timestamp() <= 15 * 60
    for tampered in (
        signed(other),
        signed(image, signature="0" * 64),
        signed(image, expires=str(int(query["expires"]) + 60)),
        signed(image, link="bm90LWEtbGluaw"),
        signed(image, expires="soon"),
    ):
        assert (await get(service, None, tampered)).status_code == 404, tampered
    # A permission signed with the server's key but past its time is refused.
    link_pk = decode_pk(query["link"], "ShareLink")
    assert link_pk is not None
    dataset_pk = decode_pk(image, "Dataset")
    assert dataset_pk is not None
    key = await links.signing_key(service.settings)
    past = int(datetime.now(UTC).timestamp()) - 1
    stale = links.download_signature(key, link_pk, dataset_pk, "", past)
    assert (
        await get(service, None, signed(image, expires=str(past), signature=stale))
    ).status_code == 404


async def test_every_process_signs_with_one_key(start_service: ServiceFactory) -> None:
    first = await start_service()
    second = await start_service()
    keyed = await start_service(LINK_SIGNING_KEY="a-key-set-by-the-operator-0123456789")
    (alice,) = await people(first, "alice")
    image = await uploaded_image(first, alice)
    token = link_token((await create_link(first, alice, image))["url"])

    url = urlsplit(await link_download_url(first, token))
    path = f"{url.path}?{url.query}"

    # The key made on first use is kept in the database: another process agrees.
    assert (await get(second, None, f"{second.base_url}{path}")).status_code == 200
    # A process given LINK_SIGNING_KEY signs with it, and refuses other signatures.
    assert (await get(keyed, None, f"{keyed.base_url}{path}")).status_code == 404
    keyed_url = await link_download_url(keyed, token)
    assert (await get(keyed, None, keyed_url)).status_code == 200


FILES = "viewerPermissions { canDownload } file { filename } files { filename downloadUrl }"


async def test_every_file_downloads_through_a_link_that_allows_it(service: Service) -> None:
    (alice,) = await people(service, "alice")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    contents = {"kidney.tiff": b"pixels" * 100, "notes.txt": b"stained with PAS"}
    for name, body in contents.items():
        await tus_upload(service, alice, image, body, name)
    allowing = link_token((await create_link(service, alice, image))["url"])
    refusing = link_token((await create_link(service, alice, image, allowDownload=False))["url"])

    seen = await by_link(service, allowing, FILES)
    assert seen["viewerPermissions"]["canDownload"] is True
    assert [f["filename"] for f in seen["files"]] == ["kidney.tiff", "notes.txt"]
    for found in seen["files"]:
        answer = await get(service, None, found["downloadUrl"])
        assert answer.status_code == 200
        assert answer.content == contents[found["filename"]]
        # Without the link's permission the dataset stays private.
        assert (await get(service, None, found["downloadUrl"].split("?")[0])).status_code == 404
    # Each permission is for its own file: carried to the other file's URL it opens nothing.
    first, second = (urlsplit(found["downloadUrl"]) for found in seen["files"])
    swapped = f"{service.base_url}{second.path}?{first.query}"
    assert (await get(service, None, swapped)).status_code == 404

    refused = await by_link(service, refusing, FILES)
    assert refused["viewerPermissions"]["canDownload"] is False
    assert [f["filename"] for f in refused["files"]] == ["kidney.tiff", "notes.txt"]
    for found in refused["files"]:
        assert (await get(service, None, found["downloadUrl"])).status_code == 404
