"""Reviewer links over HTTP (SPEC section 12): who makes them, what a link viewer sees,
what counts a use, and bad input that changes nothing."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

from models import ShareLink
from services.tokens import hash_token
from tests.conftest import Service
from tests.schema.test_annotations import annotate
from tests.story import (
    LINK,
    by_link,
    card,
    create_dataset,
    create_link,
    gql,
    link_token,
    people,
    revoke_link,
    share,
    signed_up,
)

LINK_VIEW = """
  id name badges visibility isPublic
  viewerPermissions {
    canView canDownload canShare canModify canSetPublic canManageAccess canDelete
  }
  access { isPublic } viewerGrant { id } sharedAt shareLinks { id }
  annotations { edges { node { label viewerCanEdit author { displayName } } } }
"""

ONLY_VIEW = {
    "canView": True,
    "canDownload": True,
    "canShare": False,
    "canModify": False,
    "canSetPublic": False,
    "canManageAccess": False,
    "canDelete": False,
}


def ahead(**delta: float) -> str:
    return (datetime.now(UTC) + timedelta(**delta)).isoformat()


async def links_of(service: Service, viewer: Any, dataset_id: str) -> Any:
    body = await gql(
        service,
        f"query($id: ID!) {{ dataset(id: $id) {{ shareLinks {{ {LINK} }} }} }}",
        {"id": dataset_id},
        token=viewer.token if viewer else None,
    )
    dataset = body["data"]["dataset"]
    return dataset["shareLinks"] if dataset else None


async def test_the_owner_makes_a_link_whose_token_is_shown_once_and_stored_as_a_hash(
    service: Service,
) -> None:
    (alice,) = await people(service, "alice")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")

    made = await create_link(service, alice, image, label="Reviewer 2, Nature Methods")

    assert made["errors"] == []
    assert made["url"].startswith(f"{service.base_url}/l/")
    token = link_token(made["url"])
    assert len(token) >= 22  # at least 128 random bits, URL-safe base64
    link = made["shareLink"]
    assert link["label"] == "Reviewer 2, Nature Methods"
    assert (link["anonymous"], link["allowDownload"], link["active"]) == (False, True, True)
    assert (link["useCount"], link["lastUsedAt"], link["revokedAt"]) == (0, None, None)
    # Thirty days ahead by default.
    expires = datetime.fromisoformat(link["expiresAt"])
    created = datetime.fromisoformat(link["createdAt"])
    assert timedelta(days=30) - timedelta(minutes=1) < expires - created <= timedelta(days=30)
    # Only the hash is kept: no column holds the token.
    (row,) = await ShareLink.all().values()
    assert row["token_hash"] == hash_token(token)
    assert token not in repr(row)
    # The owner sees it; the URL is never shown again.
    listed = await links_of(service, alice, image)
    assert [entry["id"] for entry in listed] == [link["id"]]
    assert "url" not in listed[0]


async def test_a_link_viewer_without_an_account_may_only_view_and_download(
    service: Service,
) -> None:
    alice, bob = await people(service, "alice", "bob")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    assert (await annotate(service, alice, image))["errors"] == []
    # Shared with bob: a grant exists, so the dataset is AVAILABLE.
    assert (await share(service, alice, image, [bob.email], canModify=True))["errors"] == []
    token = link_token((await create_link(service, alice, image))["url"])

    seen = await by_link(service, token, LINK_VIEW)

    assert seen["name"] == "Kidney section"
    assert seen["viewerPermissions"] == ONLY_VIEW
    assert seen["badges"] == ["AVAILABLE"]
    assert (seen["access"], seen["viewerGrant"], seen["sharedAt"], seen["shareLinks"]) == (
        None,
        None,
        None,
        None,
    )
    (annotation,) = [edge["node"] for edge in seen["annotations"]["edges"]]
    assert annotation["label"] == "glomerulus"
    assert annotation["viewerCanEdit"] is False
    assert annotation["author"]["displayName"] == "alice"


async def test_signed_in_people_get_the_links_rights_alone(service: Service) -> None:
    alice, bob, carol = await people(service, "alice", "bob", "carol")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    assert (await share(service, alice, image, [bob.email], canModify=True))["errors"] == []
    assert (await annotate(service, bob, image))["errors"] == []
    token = link_token((await create_link(service, alice, image, allowDownload=False))["url"])
    rights = {**ONLY_VIEW, "canDownload": False}

    # Even the owner and a recipient who may modify see only what the link gives.
    for viewer in (alice, bob, carol):
        seen = await by_link(service, token, LINK_VIEW, viewer=viewer)
        assert seen["viewerPermissions"] == rights
        assert seen["badges"] == ["AVAILABLE"]
        assert (seen["access"], seen["viewerGrant"], seen["shareLinks"]) == (None, None, None)
        edges = seen["annotations"]["edges"]
        assert [edge["node"]["viewerCanEdit"] for edge in edges] == [False]
    # The link gives carol nothing outside it.
    assert await card(service, carol, image) is None


async def test_a_link_is_not_a_grant(service: Service) -> None:
    alice, carol = await people(service, "alice", "carol")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    token = link_token((await create_link(service, alice, image))["url"])
    assert (await by_link(service, token, viewer=carol))["visibility"] == "PRIVATE"

    owner_card = await card(service, alice, image)
    assert owner_card["badges"] == ["OWNER", "PRIVATE"]
    assert owner_card["visibility"] == "PRIVATE"
    access = await gql(
        service,
        "query($id: ID!) { dataset(id: $id) { access { entries { role email } } } }",
        {"id": image},
        token=alice.token,
    )
    assert access["data"]["dataset"]["access"]["entries"] == [
        {"role": "OWNER", "email": alice.email}
    ]
    for scope in ("MINE", "SHARED_WITH_ME", "PUBLIC", "ALL"):
        for viewer in (carol, None):
            listing = await gql(
                service,
                f"{{ datasets(scope: {scope}) {{ edges {{ node {{ id }} }} }} }}",
                token=viewer.token if viewer else None,
            )
            assert listing["data"]["datasets"]["edges"] == []


async def test_anonymous_links_name_nobody_anywhere_in_the_answer(service: Service) -> None:
    owner = await signed_up(service, "zelda.quill@uni.example", "Zelda Quillfeather")
    annotator = await signed_up(service, "ravi.ostrander@uni.example", "Ravi Ostrander")
    (sharer,) = await people(service, "mirela")
    image = await create_dataset(service, owner, "Renal biopsy 7", "IMAGE")
    for person, can_share in ((annotator, False), (sharer, True)):
        shared = await share(
            service, owner, image, [person.email], canModify=True, canShare=can_share
        )
        assert shared["errors"] == []
    assert (await annotate(service, owner, image, label="cortex"))["errors"] == []
    assert (await annotate(service, annotator, image, label="medulla"))["errors"] == []
    token = link_token((await create_link(service, owner, image, anonymous=True))["url"])
    deep = """
      id name description owner { id displayName email }
      badges visibility viewerPermissions { canView canDownload }
      access { entries { email user { displayName email } grant { grantedBy { displayName } } } }
      viewerGrant { recipientEmail grantedBy { displayName email } }
      shareLinks { label }
      file { filename }
      annotations { edges { node { label note author { id displayName email } } } }
    """

    for viewer in (None, sharer):
        response = await service.client.post(
            "/graphql",
            json={
                "query": f"query($t: String!) {{ datasetByLink(token: $t) {{ {deep} }} }}",
                "variables": {"t": token},
            },
            headers=sharer.headers if viewer else {},
        )
        assert response.status_code == 200
        raw = response.text
        for person in (owner, annotator, sharer):
            for secret in (person.display_name, person.email, person.email.split("@")[0]):
                assert secret.lower() not in raw.lower(), secret
            assert person.id not in raw
        seen = response.json()["data"]["datasetByLink"]
        assert seen["owner"]["displayName"] == "Anonymous"
        assert seen["owner"]["email"] is None
        authors = [edge["node"]["author"] for edge in seen["annotations"]["edges"]]
        assert [author["displayName"] for author in authors] == ["Anonymous", "Anonymous"]
        assert (seen["access"], seen["viewerGrant"], seen["shareLinks"]) == (None, None, None)
        # The stand-in's id is nobody's node.
        for stand_in in [seen["owner"], *authors]:
            node = await gql(
                service, "query($id: ID!) { node(id: $id) { id } }", {"id": stand_in["id"]}
            )
            assert node["data"]["node"] is None


async def test_each_answer_counts_one_use_in_the_database(service: Service) -> None:
    (alice,) = await people(service, "alice")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    made = await create_link(service, alice, image)
    token = link_token(made["url"])

    answers = await asyncio.gather(*(by_link(service, token, "id") for _ in range(12)))

    assert all(answer["id"] == image for answer in answers)
    (link,) = await links_of(service, alice, image)
    assert link["useCount"] == 12
    assert link["lastUsedAt"] is not None
    # Unknown tokens count nothing and answer null.
    assert await by_link(service, token + "x", "id") is None
    assert await by_link(service, "made-up", "id") is None
    assert (await links_of(service, alice, image))[0]["useCount"] == 12


async def test_revoking_ends_a_link_at_once_and_only_the_owner_may(service: Service) -> None:
    alice, bob, carol = await people(service, "alice", "bob", "carol")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    assert (await share(service, alice, image, [bob.email], canShare=True))["errors"] == []
    made = await create_link(service, alice, image)
    token, link_id = link_token(made["url"]), made["shareLink"]["id"]
    assert await by_link(service, token, "id") is not None

    # A recipient who may share, and a stranger, cannot see or revoke it.
    for other in (bob, carol):
        refused = await revoke_link(service, other, link_id)
        assert [error["code"] for error in refused["errors"]] == ["NOT_FOUND"]
        node = await gql(
            service, "query($id: ID!) { node(id: $id) { id } }", {"id": link_id}, other.token
        )
        assert node["data"]["node"] is None
    assert await links_of(service, bob, image) is None
    assert await by_link(service, token, "id") is not None

    revoked = await revoke_link(service, alice, link_id)
    assert revoked["errors"] == []
    assert revoked["shareLink"]["active"] is False
    assert revoked["shareLink"]["revokedAt"] is not None
    assert await by_link(service, token, "id") is None
    # A revoked link counts no use, and revoking again changes nothing.
    again = await revoke_link(service, alice, link_id)
    assert again["shareLink"] == revoked["shareLink"]
    assert again["shareLink"]["useCount"] == 2


async def test_an_expired_link_answers_null(service: Service) -> None:
    (alice,) = await people(service, "alice")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    made = await create_link(service, alice, image, expiresAt=ahead(seconds=1.5))
    token = link_token(made["url"])
    deadline = asyncio.get_running_loop().time() + 30
    while await by_link(service, token, "id") is not None:
        assert asyncio.get_running_loop().time() < deadline, "the link never expired"
        await asyncio.sleep(0.1)
    (link,) = await links_of(service, alice, image)
    assert link["active"] is False
    assert link["revokedAt"] is None


async def test_links_are_listed_newest_first_to_the_owner_alone(service: Service) -> None:
    alice, bob = await people(service, "alice", "bob")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    assert (await share(service, alice, image, [bob.email], canShare=True))["errors"] == []
    made = [
        (await create_link(service, alice, image, label=f"Reviewer {n}"))["shareLink"]["id"]
        for n in (1, 2, 3)
    ]
    listed = await links_of(service, alice, image)
    assert [link["id"] for link in listed] == list(reversed(made))
    assert await links_of(service, bob, image) is None
    # The owner reads a link by id, with its dataset.
    node = await gql(
        service,
        "query($id: ID!) { node(id: $id) { ... on ShareLink { label dataset { id } } } }",
        {"id": made[0]},
        alice.token,
    )
    assert node["data"]["node"] == {"label": "Reviewer 1", "dataset": {"id": image}}


# --- bad input -----------------------------------------------------------------------------


def codes(result: Any) -> list[tuple[str, str | None]]:
    return [(error["code"], error["field"]) for error in result["errors"]]


async def test_bad_expiries_are_refused_and_write_nothing(service: Service) -> None:
    (alice,) = await people(service, "alice")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")

    for expires in (ahead(seconds=-5), ahead(days=366), "2026-01-01T00:00:00+00:00"):
        refused = await create_link(service, alice, image, expiresAt=expires)
        assert refused["shareLink"] is None and refused["url"] is None
        assert codes(refused)[0][1] == "expiresAt"
    refused = await create_link(service, alice, image, expiresAt=ahead(days=-1), label="x" * 201)
    assert sorted(codes(refused)) == [("INVALID_INPUT", "expiresAt"), ("INVALID_INPUT", "label")]
    assert await ShareLink.all().count() == 0
    # 365 days ahead is still allowed.
    assert (await create_link(service, alice, image, expiresAt=ahead(days=364.9)))["errors"] == []


async def test_a_21st_active_link_is_refused(service: Service) -> None:
    (alice,) = await people(service, "alice")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    made = [await create_link(service, alice, image, label=f"R{n}") for n in range(20)]
    assert all(result["errors"] == [] for result in made)

    refused = await create_link(service, alice, image, label="R21")

    assert codes(refused) == [("INVALID_INPUT", "datasetId")]
    assert "20" in refused["errors"][0]["message"]
    assert await ShareLink.all().count() == 20
    # Revoking one makes room again.
    assert (await revoke_link(service, alice, made[0]["shareLink"]["id"]))["errors"] == []
    assert (await create_link(service, alice, image, label="R21"))["errors"] == []
    assert await ShareLink.all().count() == 21


async def test_links_on_datasets_not_ones_own_are_refused(service: Service) -> None:
    alice, bob, carol = await people(service, "alice", "bob", "carol")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    assert (await share(service, alice, image, [bob.email], canShare=True))["errors"] == []

    assert codes(await create_link(service, carol, image)) == [("NOT_FOUND", None)]
    assert codes(await create_link(service, bob, image)) == [("FORBIDDEN", None)]
    assert codes(await create_link(service, None, image)) == [("UNAUTHENTICATED", None)]
    assert codes(await create_link(service, alice, "bm90LWFuLWlk")) == [("NOT_FOUND", None)]
    assert await ShareLink.all().count() == 0
