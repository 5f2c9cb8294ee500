"""Annotations over HTTP: who may draw, edit and delete them, and what a geometry may be."""

from __future__ import annotations

from typing import Any

from models import Annotation as AnnotationRow
from tests.conftest import Service
from tests.story import (
    Person,
    create_dataset,
    delete_dataset,
    gql,
    revoke,
    set_public,
    share,
    signed_up,
    update_grant,
)

SQUARE = {"type": "Polygon", "coordinates": [[[0, 0], [40, 0], [40, 40], [0, 0]]]}

ANNOTATION = "id label note color geometry viewerCanEdit author { displayName }"


async def annotate(service: Service, person: Person | None, dataset_id: str, **fields: Any) -> Any:
    body = await gql(
        service,
        f"""mutation($i: CreateAnnotationInput!) {{ createAnnotation(input: $i) {{
              annotation {{ {ANNOTATION} }} errors {{ code field message }} }} }}""",
        {"i": {"datasetId": dataset_id, "label": "glomerulus", "geometry": SQUARE, **fields}},
        token=person.token if person else None,
    )
    return body["data"]["createAnnotation"]


async def edit(service: Service, person: Person, annotation_id: str, **fields: Any) -> Any:
    body = await gql(
        service,
        f"""mutation($i: UpdateAnnotationInput!) {{ updateAnnotation(input: $i) {{
              annotation {{ {ANNOTATION} }} errors {{ code field message }} }} }}""",
        {"i": {"id": annotation_id, **fields}},
        token=person.token,
    )
    return body["data"]["updateAnnotation"]


async def remove(service: Service, person: Person, annotation_id: str) -> Any:
    body = await gql(
        service,
        """mutation($i: DeleteAnnotationInput!) { deleteAnnotation(input: $i) {
              deletedId errors { code field } } }""",
        {"i": {"id": annotation_id}},
        token=person.token,
    )
    return body["data"]["deleteAnnotation"]


async def annotation_page(
    service: Service,
    person: Person | None,
    dataset_id: str,
    first: int = 50,
    after: str | None = None,
) -> Any:
    body = await gql(
        service,
        f"""query($id: ID!, $first: Int, $after: String) {{ dataset(id: $id) {{
              annotations(first: $first, after: $after) {{
                edges {{ cursor node {{ {ANNOTATION} }} }}
                pageInfo {{ hasNextPage endCursor }} }} }} }}""",
        {"id": dataset_id, "first": first, "after": after},
        token=person.token if person else None,
    )
    dataset = body["data"]["dataset"]
    return dataset["annotations"] if dataset else None


def codes(payload: Any) -> list[tuple[str, str | None]]:
    return [(error["code"], error["field"]) for error in payload["errors"]]


async def test_recipients_who_may_modify_annotate_and_keep_their_work(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    bob = await signed_up(service, "bob@lab.example")
    carol = await signed_up(service, "carol@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    shared = await share(service, alice, image, ["bob@lab.example"], canModify=True, notify=False)
    bob_grant = shared["grants"][0]
    await share(service, alice, image, ["carol@lab.example"], notify=False)

    drawn = await annotate(service, bob, image, note="looks inflamed", color="#FF0000")
    assert drawn["errors"] == []
    mark = drawn["annotation"]
    assert mark["author"]["displayName"] == "bob"
    assert mark["color"] == "#ff0000" and mark["geometry"] == SQUARE
    assert mark["viewerCanEdit"] is True

    # Carol may only look.
    assert codes(await annotate(service, carol, image)) == [("FORBIDDEN", None)]
    assert codes(await edit(service, carol, mark["id"], label="mine")) == [("FORBIDDEN", None)]
    seen_by_carol = await annotation_page(service, carol, image)
    assert [(e["node"]["label"], e["node"]["viewerCanEdit"]) for e in seen_by_carol["edges"]] == [
        ("glomerulus", False)
    ]
    # The owner may edit anyone's annotation.
    assert (await annotation_page(service, alice, image))["edges"][0]["node"][
        "viewerCanEdit"
    ] is True

    # Alice takes the right away: Bob's annotation stays, his, but he can no longer change it.
    assert (await update_grant(service, alice, bob_grant["id"], canModify=False))["errors"] == []
    kept = (await annotation_page(service, bob, image))["edges"]
    assert [(e["node"]["id"], e["node"]["author"]["displayName"]) for e in kept] == [
        (mark["id"], "bob")
    ]
    assert kept[0]["node"]["viewerCanEdit"] is False
    assert codes(await edit(service, bob, mark["id"], label="changed")) == [("FORBIDDEN", None)]
    assert codes(await annotate(service, bob, image)) == [("FORBIDDEN", None)]

    # Revoking Bob's access leaves his annotation in place, attributed to him.
    assert (await revoke(service, alice, bob_grant["id"]))["errors"] == []
    after = (await annotation_page(service, alice, image))["edges"]
    assert [e["node"]["author"]["displayName"] for e in after] == ["bob"]


async def test_bad_geometry_and_fields_are_refused_and_nothing_is_written(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    open_ring = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]}
    refused = await annotate(service, alice, image, geometry=open_ring)
    assert codes(refused) == [("INVALID_INPUT", "geometry")]
    assert "closed" in refused["errors"][0]["message"]
    several = await annotate(
        service, alice, image, label="x" * 201, color="red", note="n" * 5001, geometry="nope"
    )
    assert sorted(codes(several)) == sorted(
        [
            ("INVALID_INPUT", "label"),
            ("INVALID_INPUT", "geometry"),
            ("INVALID_INPUT", "color"),
            ("INVALID_INPUT", "note"),
        ]
    )
    assert codes(await annotate(service, alice, image, label="   ")) == [("INVALID_INPUT", "label")]
    assert await AnnotationRow.all().count() == 0

    made = (await annotate(service, alice, image))["annotation"]
    assert codes(await edit(service, alice, made["id"], color="#12345")) == [
        ("INVALID_INPUT", "color")
    ]
    assert (await AnnotationRow.get()).color == "#ffcc00"


async def test_msi_datasets_have_no_annotations(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    msi = await create_dataset(service, alice, "Run 7", "MSI")
    assert codes(await annotate(service, alice, msi)) == [("INVALID_INPUT", "datasetId")]
    page = await annotation_page(service, alice, msi)
    assert page["edges"] == [] and page["pageInfo"]["hasNextPage"] is False


async def test_public_viewers_strangers_and_anonymous_only_read(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    dave = await signed_up(service, "dave@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    mark = (await annotate(service, alice, image))["annotation"]

    assert codes(await annotate(service, dave, image)) == [("NOT_FOUND", None)]
    assert codes(await edit(service, dave, mark["id"], label="x")) == [("NOT_FOUND", None)]
    assert codes(await annotate(service, None, image)) == [("UNAUTHENTICATED", None)]
    assert await annotation_page(service, dave, image) is None

    await set_public(service, alice, image, True)
    assert codes(await annotate(service, dave, image)) == [("FORBIDDEN", None)]
    assert codes(await remove(service, dave, mark["id"])) == [("FORBIDDEN", None)]
    for viewer in (dave, None):
        edges = (await annotation_page(service, viewer, image))["edges"]
        assert [(e["node"]["id"], e["node"]["viewerCanEdit"]) for e in edges] == [
            (mark["id"], False)
        ]


async def test_authors_edit_their_own_and_the_owner_edits_any(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    bob = await signed_up(service, "bob@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    await share(service, alice, image, ["bob@lab.example"], canModify=True, notify=False)
    alices = (await annotate(service, alice, image, label="alice's"))["annotation"]
    bobs = (await annotate(service, bob, image, label="bob's"))["annotation"]

    assert codes(await edit(service, bob, alices["id"], label="hijack")) == [("FORBIDDEN", None)]
    changed = await edit(
        service,
        bob,
        bobs["id"],
        note="second look",
        geometry={"type": "Point", "coordinates": [3, 4]},
    )
    assert changed["errors"] == []
    assert changed["annotation"]["label"] == "bob's"  # untouched fields stay
    assert changed["annotation"]["note"] == "second look"
    assert changed["annotation"]["geometry"] == {"type": "Point", "coordinates": [3, 4]}

    assert codes(await remove(service, bob, alices["id"])) == [("FORBIDDEN", None)]
    assert (await remove(service, alice, bobs["id"]))["deletedId"] == bobs["id"]
    assert (await remove(service, alice, alices["id"]))["deletedId"] == alices["id"]
    assert codes(await remove(service, alice, alices["id"])) == [("NOT_FOUND", None)]
    assert await AnnotationRow.all().count() == 0


async def test_annotations_page_oldest_first(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    for index in range(5):
        await annotate(service, alice, image, label=f"mark {index}")
    first = await annotation_page(service, alice, image, first=2)
    assert [e["node"]["label"] for e in first["edges"]] == ["mark 0", "mark 1"]
    assert first["pageInfo"]["hasNextPage"] is True
    rest = await annotation_page(
        service, alice, image, first=10, after=first["pageInfo"]["endCursor"]
    )
    assert [e["node"]["label"] for e in rest["edges"]] == ["mark 2", "mark 3", "mark 4"]
    assert rest["pageInfo"]["hasNextPage"] is False


async def test_deleting_the_dataset_deletes_its_annotations(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    await annotate(service, alice, image)
    assert (await delete_dataset(service, alice, image))["errors"] == []
    assert await AnnotationRow.all().count() == 0


async def test_annotations_are_nodes_for_viewers_of_their_image(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    dave = await signed_up(service, "dave@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    mark = (await annotate(service, alice, image))["annotation"]
    query = "query($id: ID!) { node(id: $id) { ... on Annotation { id label viewerCanEdit } } }"
    seen = await gql(service, query, {"id": mark["id"]}, token=alice.token)
    assert seen["data"]["node"] == {"id": mark["id"], "label": "glomerulus", "viewerCanEdit": True}
    hidden = await gql(service, query, {"id": mark["id"]}, token=dave.token)
    assert hidden["data"]["node"] is None
