"""Sharing writes its grants in a number of statements that does not grow with them."""

from __future__ import annotations

from typing import Any

from models import ShareGrant
from services.ids import decode_pk
from tests.conftest import Service
from tests.sql_counter import count_statements
from tests.story import Person, create_dataset, gql, signed_up

# The grants as the mutation answers them, each with its dataset (fifty grants of one
# dataset read it once).
SHARE = """mutation($i: ShareDatasetInput!) { shareDataset(input: $i) {
  grants { id recipientEmail pending canShare message recipient { displayName }
    grantedBy { displayName } dataset { id name } }
  errors { code field message } } }"""


async def share(service: Service, sharer: Person, dataset: str, emails: list[str]) -> Any:
    variables = {"i": {"datasetId": dataset, "emails": emails, "canShare": True, "message": "Hi"}}
    body = await gql(service, SHARE, variables, token=sharer.token)
    return body["data"]["shareDataset"]


async def test_fifty_addresses_cost_the_statements_of_one(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    bob = await signed_up(service, "bob@lab.example")
    one = await create_dataset(service, alice, "Kidney", "IMAGE")
    many = await create_dataset(service, alice, "Liver", "IMAGE")

    with count_statements() as single:
        shared = await share(service, alice, one, ["carol@lab.example"])
    assert shared["errors"] == []
    addresses = [bob.email, *(f"r{n}@lab.example" for n in range(49))]
    with count_statements() as fifty:
        shared = await share(service, alice, many, addresses)
    assert shared["errors"] == []
    assert len(fifty) == len(single)

    # What came back is what was stored: bob's grant accepted, the others pending.
    stored = {
        grant.recipient_email: grant
        for grant in await ShareGrant.filter(dataset_id=decode_pk(many, "Dataset"))
    }
    assert len(stored) == 50
    assert [given["recipientEmail"] for given in shared["grants"]] == addresses
    for given in shared["grants"]:
        grant = stored[given["recipientEmail"]]
        assert decode_pk(given["id"], "ShareGrant") == grant.id
        assert given["pending"] == (grant.recipient_id is None)
        assert (grant.recipient_id is not None) == (grant.recipient_email == bob.email)
        assert given["canShare"] and grant.can_share
        assert given["message"] == grant.message == "Hi"
        assert given["dataset"] == {"id": many, "name": "Liver"}
        assert (grant.accepted_at is None) == (grant.recipient_id is None)
        assert (grant.invitation_expires_at is None) == (grant.recipient_id is not None)
