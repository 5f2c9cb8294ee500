"""Ids and cursors that are not exactly ours: answered as ids that do not exist, never a 500.

Every entry point that reads an id or a cursor is tried over HTTP with keys past 64 bits,
out of range, non-canonical spellings of a real id, other types and broken base64.
"""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from typing import Any

from services import ids
from services.ids import MAX_PK, decode_id, decode_pk, encode_id
from tests.conftest import Service
from tests.story import Person, create_dataset, share, signed_up

SQUARE = {"type": "Polygon", "coordinates": [[[0, 0], [40, 0], [40, 40], [0, 0]]]}


def raw_id(text: str, padded: bool = False) -> str:
    encoded = base64.urlsafe_b64encode(text.encode()).decode()
    return encoded if padded else encoded.rstrip("=")


def refused(type_name: str, pk: int) -> list[str]:
    """Ids that must name nothing: past the key range, and other spellings of (type, pk)."""
    real = encode_id(type_name, pk)
    other_type = "User" if type_name != "User" else "Dataset"
    spellings = [
        f"{type_name}:{2**63}",  # the "RGF0YXNldDo5MjIzMzcyMDM2ODU0Nzc1ODA4" for Dataset
        f"{type_name}:{2**64}",
        f"{type_name}:{10**40}",
        f"{type_name}:0",
        f"{type_name}:-{pk}",
        f"{type_name}:0{pk}",
        f"{type_name}:+{pk}",
        f"{type_name}: {pk}",
        f"{type_name}:{pk} ",
        f" {type_name}:{pk}",
        f"{type_name}:{pk}.0",
        f"{type_name}:{pk}e0",
        f"{type_name}:{pk}_0",
        f"{type_name}:\uff11",  # a full-width digit one, which int() would read
        f"{type_name}:",
        f"{type_name}{pk}",
        f"{type_name.lower()}:{pk}",
        f"{other_type}:{pk}",
        f"Nothing:{pk}",
    ]
    return [
        *(raw_id(text) for text in spellings),
        raw_id(f"{type_name}:{pk}", padded=True) if len(real) % 4 else real + "==",
        " " + real,
        real + "\n",
        real.replace("-", "+").replace("_", "/") + "+/",
        "",
        "not base64!",
        "%%%%",
        "\u00e9t\u00e9",
    ]


def test_ids_are_read_only_in_the_form_they_are_written() -> None:
    assert decode_id(encode_id("Dataset", 1)) == ("Dataset", 1)
    assert decode_pk(encode_id("Dataset", MAX_PK), "Dataset") == MAX_PK
    assert encode_id("Dataset", 2**63) == "RGF0YXNldDo5MjIzMzcyMDM2ODU0Nzc1ODA4"
    for bad in refused("Dataset", 7):
        assert decode_pk(bad, "Dataset") is None, base64.urlsafe_b64decode(bad + "===")


async def post(service: Service, person: Person | None, query: str, variables: Any) -> Any:
    service.client.cookies.clear()
    response = await service.client.post(
        "/graphql",
        json={"query": query, "variables": variables},
        headers=person.headers if person else {},
    )
    assert response.status_code == 200, response.text
    return response.json()


def no_errors(body: Any) -> Any:
    assert "errors" not in body, body["errors"]
    return body["data"]


async def world(service: Service) -> tuple[Person, str, str, str]:
    """Alice's image, shared with Bob, with one annotation: a real id of every type."""
    alice = await signed_up(service, "alice@lab.example")
    await signed_up(service, "bob@lab.example")
    image = await create_dataset(service, alice, "Kidney", "IMAGE")
    shared = await share(service, alice, image, ["bob@lab.example"])
    grant = shared["grants"][0]["id"]
    made = no_errors(
        await post(
            service,
            alice,
            """mutation($i: CreateAnnotationInput!) {
                 createAnnotation(input: $i) { annotation { id } errors { code } } }""",
            {"i": {"datasetId": image, "label": "glomerulus", "geometry": SQUARE}},
        )
    )
    annotation = made["createAnnotation"]["annotation"]["id"]
    return alice, image, grant, annotation


def pk_of(global_id: str) -> int:
    decoded = decode_id(global_id)
    assert decoded is not None
    return decoded[1]


async def test_queries_answer_null_for_ids_that_are_not_ours(service: Service) -> None:
    alice, image, grant, annotation = await world(service)
    query = "query($id: ID!) { dataset(id: $id) { id } node(id: $id) { id } }"
    # The real ones answer, for both fields.
    for real in (image, grant, annotation, alice.id):
        found = no_errors(await post(service, alice, query, {"id": real}))
        assert found["node"] == {"id": real}
    assert no_errors(await post(service, alice, query, {"id": image}))["dataset"] == {"id": image}

    for type_name, real in (
        ("Dataset", image),
        ("ShareGrant", grant),
        ("Annotation", annotation),
        ("User", alice.id),
    ):
        for bad in refused(type_name, pk_of(real)):
            for viewer in (alice, None):
                answer = no_errors(await post(service, viewer, query, {"id": bad}))
                if decode_id(bad) is None:  # not a well-formed id of another type
                    assert answer == {"dataset": None, "node": None}, bad
                elif decode_pk(bad, "Dataset") is None:
                    assert answer["dataset"] is None, bad


MUTATIONS: dict[str, tuple[str, str, str, dict[str, Any]]] = {
    "updateDataset": ("UpdateDatasetInput", "id", "Dataset", {"name": "renamed"}),
    "deleteDataset": ("DeleteDatasetInput", "id", "Dataset", {}),
    "shareDataset": ("ShareDatasetInput", "datasetId", "Dataset", {"emails": ["c@lab.example"]}),
    "setPublic": ("SetPublicInput", "datasetId", "Dataset", {"public": True}),
    "updateGrant": ("UpdateGrantInput", "grantId", "ShareGrant", {"canShare": True}),
    "revokeAccess": ("RevokeAccessInput", "grantId", "ShareGrant", {}),
    "createAnnotation": (
        "CreateAnnotationInput",
        "datasetId",
        "Dataset",
        {"label": "x", "geometry": SQUARE},
    ),
    "updateAnnotation": ("UpdateAnnotationInput", "id", "Annotation", {"label": "y"}),
    "deleteAnnotation": ("DeleteAnnotationInput", "id", "Annotation", {}),
}


async def test_every_mutation_answers_not_found_and_changes_nothing(service: Service) -> None:
    alice, image, grant, annotation = await world(service)
    real = {"Dataset": image, "ShareGrant": grant, "Annotation": annotation}
    for name, (input_type, field, type_name, rest) in MUTATIONS.items():
        query = f"""mutation($i: {input_type}!) {{
                      {name}(input: $i) {{ errors {{ code field message }} }} }}"""
        for bad in refused(type_name, pk_of(real[type_name])):
            answer = no_errors(await post(service, alice, query, {"i": {field: bad, **rest}}))
            errors = answer[name]["errors"]
            assert [error["code"] for error in errors] == ["NOT_FOUND"], (name, bad, errors)

    # Nothing changed: the dataset, its grant and its annotation are as they were.
    after = no_errors(
        await post(
            service,
            alice,
            """query($id: ID!) { dataset(id: $id) { name isPublic
                 access { entries { email canShare } }
                 annotations { edges { node { label } } } } }""",
            {"id": image},
        )
    )["dataset"]
    assert after["name"] == "Kidney" and after["isPublic"] is False
    assert [(e["email"], e["canShare"]) for e in after["access"]["entries"]] == [
        ("alice@lab.example", True),
        ("bob@lab.example", False),
    ]
    assert [edge["node"]["label"] for edge in after["annotations"]["edges"]] == ["glomerulus"]


def cursors_refused(real: str, type_name: str) -> list[str]:
    """Cursors that are not of the list: other spellings of a real one, and keys out of range."""
    moment, pk = ids.decode_cursor(real) or (None, 0)
    assert moment is not None
    stamp = moment.isoformat()
    return [
        raw_id(f"{stamp}|{2**63}"),
        raw_id(f"{stamp}|{10**30}"),
        raw_id(f"{stamp}|0"),
        raw_id(f"{stamp}|-{pk}"),
        raw_id(f"{stamp}|0{pk}"),
        raw_id(f"{stamp}|+{pk}"),
        raw_id(f"{stamp}| {pk}"),
        raw_id(f"{moment.replace(tzinfo=None).isoformat()}|{pk}"),
        raw_id(f"{stamp}"),
        raw_id(f"{stamp}|{pk}|{pk}"),
        raw_id(f"yesterday|{pk}"),
        encode_id(type_name, pk),
        encode_id(type_name, 2**63),
        "garbage",
        real + "=",
        " " + real,
    ]


async def test_a_bad_after_is_invalid_input_on_every_connection(service: Service) -> None:
    alice, image, _grant, annotation = await world(service)
    await create_dataset(service, alice, "Run 2", "MSI")
    listing = "query($after: String) { datasets(first: 1, after: $after) { edges { cursor } } }"
    first_page = no_errors(await post(service, alice, listing, {"after": None}))
    cursor = first_page["datasets"]["edges"][0]["cursor"]
    second = no_errors(await post(service, alice, listing, {"after": cursor}))
    assert len(second["datasets"]["edges"]) == 1

    notes = """query($id: ID!, $after: String) { dataset(id: $id) { name
                 annotations(after: $after) { edges { cursor } } } }"""
    no_errors(await post(service, alice, notes, {"id": image, "after": annotation}))

    bad_listing = cursors_refused(cursor, "Dataset")
    bad_notes = [
        *refused("Annotation", pk_of(annotation)),
        encode_id("Dataset", pk_of(image)),
    ]
    cases = [(listing, {"after": bad}, "datasets") for bad in bad_listing] + [
        (notes, {"id": image, "after": bad}, "dataset") for bad in bad_notes if bad
    ]
    for query, variables, field in cases:
        body = await post(service, alice, query, variables)
        [error] = body["errors"]
        assert error["extensions"] == {"code": "INVALID_INPUT", "field": "after"}, variables
        assert error["path"][0] == field
        if field == "dataset":
            # The field error nulls the dataset; nothing restarts from the first page.
            assert body["data"] == {"dataset": None}


async def test_file_endpoints_answer_404_for_ids_that_are_not_ours(service: Service) -> None:
    alice, image, _grant, _annotation = await world(service)
    for bad in refused("Dataset", pk_of(image)):
        if not bad.strip() or "/" in bad or "%" in bad or "\n" in bad:
            continue  # not a path segment: the router answers, not the endpoint
        for method in ("GET", "HEAD", "PUT"):
            where = "uploads" if method == "PUT" else "files"
            service.client.cookies.clear()
            response = await service.client.request(
                method,
                f"/{where}/datasets/{bad}",
                content=b"bytes" if method == "PUT" else None,
                headers={**alice.headers, "Content-Type": "text/plain"},
            )
            assert response.status_code == 404, (method, bad, response.text)
            if method != "HEAD":
                assert response.json()["error"]["code"] == "NOT_FOUND"
    # The real id still works, and nothing was stored by the refused uploads.
    stored = await service.client.put(f"/uploads/datasets/{image}", headers=alice.headers)
    assert stored.status_code == 201


def test_a_cursor_fits_only_the_order_it_was_written_for() -> None:
    moment = datetime(2026, 1, 2, 3, 4, 5, 678000, tzinfo=UTC)
    default, by_share = ids.encode_cursor(moment, 7), ids.encode_cursor(moment, 7, "share")
    assert ids.decode_cursor(default) == (moment, 7)
    assert ids.decode_cursor(by_share, "share") == (moment, 7)
    assert ids.decode_cursor(by_share) is None
    assert ids.decode_cursor(default, "share") is None
    assert ids.decode_cursor(ids.encode_cursor(moment, 7, "other"), "share") is None
    assert ids.decode_cursor(raw_id(f"share|{moment.isoformat()}|07"), "share") is None
