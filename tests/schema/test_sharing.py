"""Sharing over HTTP: the story of SPEC section 1 and every rule of SPEC section 2."""

from __future__ import annotations

import asyncio
from typing import Any

from models import ShareEvent, ShareGrant, User
from tests.conftest import Service
from tests.story import (
    Person,
    access_list,
    card,
    confirmation_token,
    create_dataset,
    gql,
    revoke,
    set_public,
    share,
    signed_up,
    update_grant,
)


async def test_the_story_of_alice_sharing_an_image(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    bob = await signed_up(service, "bob@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    assert (await card(service, alice, image))["badges"] == ["OWNER", "PRIVATE"]

    result = await share(
        service,
        alice,
        image,
        ["  Bob@Lab.example ", "carol@elsewhere.example"],
        message="Have a look at the glomeruli.",
        canModify=True,
    )
    assert result["errors"] == []
    bob_grant, carol_grant = result["grants"]
    assert bob_grant["recipientEmail"] == "bob@lab.example"
    assert bob_grant["pending"] is False and bob_grant["recipient"]["displayName"] == "bob"
    assert carol_grant["pending"] is True and carol_grant["recipient"] is None
    assert result["dataset"]["badges"] == ["OWNER", "AVAILABLE"]

    # Bob is invited to open the dataset; Carol, who has no account, to sign up.
    to_bob = await service.mailbox.wait_for(2, to="bob@lab.example")  # confirmation, invitation
    invitation = [m for m in to_bob if "Kidney section" in m.subject]
    assert invitation, [m.subject for m in to_bob]
    assert "Have a look at the glomeruli." in invitation[0].text
    assert f"{service.base_url}/datasets/{image}" in invitation[0].text
    assert "Kidney section" in invitation[0].html
    [to_carol] = await service.mailbox.wait_for(1, to="carol@elsewhere.example")
    assert "sign up" in to_carol.text.lower()
    assert service.base_url in to_carol.text

    seen_by_bob = await card(service, bob, image)
    assert seen_by_bob["badges"] == ["SHARED_WITH_ME", "AVAILABLE"]
    assert seen_by_bob["viewerPermissions"] == {
        "canView": True,
        "canDownload": True,
        "canShare": False,
        "canModify": True,
        "canSetPublic": False,
        "canManageAccess": False,
        "canDelete": False,
    }
    assert seen_by_bob["access"] is None

    # Carol signs up with the invited address; the dataset waits for her confirmation.
    carol = await signed_up(service, "carol@elsewhere.example")
    assert (await card(service, carol, image))["badges"] == ["SHARED_WITH_ME", "AVAILABLE"]

    listed = await access_list(service, alice, image)
    assert listed["isPublic"] is False
    owner, *rows = listed["entries"]
    assert owner["role"] == "OWNER" and owner["email"] == "alice@lab.example"
    assert owner["grant"] is None and owner["canShare"] is True and owner["canModify"] is True
    assert owner["viewerCanChange"] is False
    assert [(r["email"], r["pending"], r["viewerCanChange"]) for r in rows] == [
        ("bob@lab.example", False, True),
        ("carol@elsewhere.example", False, True),
    ]
    assert rows[0]["user"]["email"] == "bob@lab.example"  # the owner manages Bob's grant

    # Strangers and anonymous viewers see nothing at all.
    dave = await signed_up(service, "dave@lab.example")
    assert await card(service, dave, image) is None
    assert await card(service, None, image) is None


async def test_a_pending_invitation_gives_nobody_access(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Liver", "IMAGE")
    await share(service, alice, image, ["erin@lab.example"], notify=False)
    assert (await card(service, alice, image))["badges"] == ["OWNER", "AVAILABLE"]
    [row] = (await access_list(service, alice, image))["entries"][1:]
    assert row["pending"] is True and row["user"] is None

    # Erin signs up but has not confirmed: she cannot log in, and the grant stays pending.
    body = await gql(
        service,
        "mutation($i: SignUpInput!) { signUp(input: $i) { errors { code } } }",
        {
            "i": {
                "email": "erin@lab.example",
                "password": "a long enough password",
                "displayName": "Erin",
            }
        },
    )
    assert body["data"]["signUp"]["errors"] == []
    grant = await ShareGrant.get(recipient_email="erin@lab.example")
    assert grant.recipient_id is None

    # The moment she confirms, the invitation is hers.
    token = await confirmation_token(service, "erin@lab.example")
    verified = await gql(
        service,
        "mutation($i: VerifyEmailInput!) { verifyEmail(input: $i) { token errors { code } } }",
        {"i": {"token": token}},
    )
    erin_token = verified["data"]["verifyEmail"]["token"]
    seen = await gql(
        service, "query($id: ID!) { dataset(id: $id) { badges } }", {"id": image}, token=erin_token
    )
    assert seen["data"]["dataset"]["badges"] == ["SHARED_WITH_ME", "AVAILABLE"]
    [row] = (await access_list(service, alice, image))["entries"][1:]
    assert row["pending"] is False and row["user"]["email"] == "erin@lab.example"


async def test_bad_addresses_share_nothing_and_name_each_one(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Liver", "IMAGE")
    result = await share(
        service, alice, image, ["ok@lab.example", "not-an-address", "x@y", "fine@lab.example"]
    )
    assert [(e["code"], e["field"]) for e in result["errors"]] == [
        ("INVALID_INPUT", "emails.1"),
        ("INVALID_INPUT", "emails.2"),
    ]
    assert result["grants"] == []
    assert await ShareGrant.all().count() == 0
    await asyncio.sleep(0.3)
    assert service.mailbox.to("ok@lab.example") == []


async def test_modify_is_for_images(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    msi = await create_dataset(service, alice, "Run 7", "MSI")
    result = await share(service, alice, msi, ["bob@lab.example"], canModify=True)
    assert [(e["code"], e["field"]) for e in result["errors"]] == [("INVALID_INPUT", "canModify")]
    assert await ShareGrant.all().count() == 0
    grant = (await share(service, alice, msi, ["bob@lab.example"], notify=False))["grants"][0]
    refused = await update_grant(service, alice, grant["id"], canModify=True)
    assert [(e["code"], e["field"]) for e in refused["errors"]] == [("INVALID_INPUT", "canModify")]
    assert (await ShareGrant.get()).can_modify is False


async def test_input_limits(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Liver", "IMAGE")
    too_many = [f"p{i}@lab.example" for i in range(51)]
    assert [e["field"] for e in (await share(service, alice, image, too_many))["errors"]] == [
        "emails"
    ]
    assert [e["field"] for e in (await share(service, alice, image, []))["errors"]] == ["emails"]
    long_message = await share(service, alice, image, ["b@lab.example"], message="x" * 2001)
    assert [e["field"] for e in long_message["errors"]] == ["message"]
    assert await ShareGrant.all().count() == 0


async def test_sharing_again_updates_the_one_grant(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    bob = await signed_up(service, "bob@lab.example")
    image = await create_dataset(service, alice, "Liver", "IMAGE")
    first = (await share(service, alice, image, ["bob@lab.example"]))["grants"][0]
    await service.mailbox.wait_for(2, to="bob@lab.example")  # confirmation + invitation
    again = await share(service, alice, image, ["BOB@lab.example"], canShare=True, canModify=True)
    assert again["errors"] == []
    assert again["grants"][0]["id"] == first["id"]
    assert again["grants"][0]["canShare"] is True and again["grants"][0]["canModify"] is True
    assert await ShareGrant.all().count() == 1
    await asyncio.sleep(0.3)
    assert len(service.mailbox.to("bob@lab.example")) == 2  # no second invitation
    assert (await card(service, bob, image))["viewerPermissions"]["canShare"] is True


async def test_the_owner_and_other_people_s_recipients_already_have_access(
    service: Service,
) -> None:
    alice = await signed_up(service, "alice@lab.example")
    bob = await signed_up(service, "bob@lab.example")
    image = await create_dataset(service, alice, "Liver", "IMAGE")
    await share(service, alice, image, ["bob@lab.example"], canShare=True, notify=False)
    await share(service, alice, image, ["carol@lab.example"], notify=False)
    result = await share(
        service, bob, image, ["dave@lab.example", "alice@lab.example", "carol@lab.example"]
    )
    assert [(e["code"], e["field"]) for e in result["errors"]] == [
        ("ALREADY_HAS_ACCESS", "emails.1"),
        ("ALREADY_HAS_ACCESS", "emails.2"),
    ]
    assert await ShareGrant.filter(recipient_email="dave@lab.example").count() == 0


async def test_no_escalation_through_resharing(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    bob = await signed_up(service, "bob@lab.example")
    image = await create_dataset(service, alice, "Liver", "IMAGE")
    await share(service, alice, image, ["bob@lab.example"], canShare=True, notify=False)

    refused = await share(service, bob, image, ["erin@lab.example"], canModify=True)
    assert [e["code"] for e in refused["errors"]] == ["FORBIDDEN"]
    made = await share(service, bob, image, ["erin@lab.example"], canShare=True, notify=False)
    assert made["errors"] == []
    erin_grant = made["grants"][0]
    assert erin_grant["grantedBy"]["displayName"] == "bob"

    raised = await update_grant(service, bob, erin_grant["id"], canModify=True)
    assert [e["code"] for e in raised["errors"]] == ["FORBIDDEN"]
    lowered = await update_grant(service, bob, erin_grant["id"], canShare=False)
    assert lowered["errors"] == [] and lowered["grant"]["canShare"] is False

    # Bob manages only the grants he made: his own row and Alice's other grants are not his.
    listed = await access_list(service, bob, image)
    assert [(r["email"], r["viewerCanChange"]) for r in listed["entries"]] == [
        ("alice@lab.example", False),
        ("bob@lab.example", True),  # he may leave
        ("erin@lab.example", True),
    ]


async def test_only_the_owner_makes_a_dataset_public(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    bob = await signed_up(service, "bob@lab.example")
    dave = await signed_up(service, "dave@lab.example")
    image = await create_dataset(service, alice, "Liver", "IMAGE")
    await share(service, alice, image, ["bob@lab.example"], canShare=True, notify=False)

    assert [e["code"] for e in (await set_public(service, bob, image, True))["errors"]] == [
        "FORBIDDEN"
    ]
    assert [e["code"] for e in (await set_public(service, dave, image, True))["errors"]] == [
        "NOT_FOUND"
    ]
    anonymous = await gql(
        service,
        "mutation($i: SetPublicInput!) { setPublic(input: $i) { errors { code } } }",
        {"i": {"datasetId": image, "public": True}},
    )
    assert anonymous["data"]["setPublic"]["errors"] == [{"code": "UNAUTHENTICATED"}]

    made_public = await set_public(service, alice, image, True)
    assert made_public["errors"] == [] and made_public["dataset"]["badges"] == ["OWNER", "PUBLIC"]
    assert (await card(service, None, image))["badges"] == ["PUBLIC"]
    assert (await card(service, dave, image))["viewerPermissions"]["canShare"] is False
    assert (await card(service, bob, image))["badges"] == ["SHARED_WITH_ME", "PUBLIC"]
    assert (await access_list(service, alice, image))["isPublic"] is True

    await set_public(service, alice, image, False)
    assert await card(service, None, image) is None
    assert await card(service, dave, image) is None
    assert (await card(service, bob, image))["badges"] == ["SHARED_WITH_ME", "AVAILABLE"]


async def test_revoking_is_immediate_and_cascades_only_when_asked(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    bob = await signed_up(service, "bob@lab.example")
    erin = await signed_up(service, "erin@lab.example")
    frank = await signed_up(service, "frank@lab.example")
    image = await create_dataset(service, alice, "Liver", "IMAGE")
    to_bob = (await share(service, alice, image, ["bob@lab.example"], canShare=True, notify=False))[
        "grants"
    ][0]
    to_erin = (await share(service, bob, image, ["erin@lab.example"], canShare=True, notify=False))[
        "grants"
    ][0]
    to_frank = (await share(service, erin, image, ["frank@lab.example"], notify=False))["grants"][0]

    # Without cascade, the grants Bob made stay.
    kept = await revoke(service, alice, to_bob["id"])
    assert kept["errors"] == [] and kept["revokedGrantIds"] == [to_bob["id"]]
    assert await card(service, bob, image) is None
    assert await card(service, erin, image) is not None

    # With cascade, everything downstream goes too.
    to_bob = (await share(service, alice, image, ["bob@lab.example"], canShare=True, notify=False))[
        "grants"
    ][0]
    gone = await revoke(service, alice, to_bob["id"], cascade=True)
    assert sorted(gone["revokedGrantIds"]) == sorted([to_bob["id"], to_erin["id"], to_frank["id"]])
    for person in (bob, erin, frank):
        assert await card(service, person, image) is None
    assert (await card(service, alice, image))["badges"] == ["OWNER", "PRIVATE"]


async def test_who_may_revoke(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    bob = await signed_up(service, "bob@lab.example")
    carol = await signed_up(service, "carol@lab.example")
    dave = await signed_up(service, "dave@lab.example")
    image = await create_dataset(service, alice, "Liver", "IMAGE")
    to_bob = (await share(service, alice, image, ["bob@lab.example"], notify=False))["grants"][0]
    to_carol = (await share(service, alice, image, ["carol@lab.example"], notify=False))["grants"][
        0
    ]

    assert [e["code"] for e in (await revoke(service, bob, to_carol["id"]))["errors"]] == [
        "FORBIDDEN"
    ]
    assert [e["code"] for e in (await revoke(service, dave, to_carol["id"]))["errors"]] == [
        "NOT_FOUND"
    ]
    assert [
        e["code"] for e in (await update_grant(service, bob, to_bob["id"], canShare=True))["errors"]
    ] == ["FORBIDDEN"]
    # Bob leaves the dataset.
    left = await revoke(service, bob, to_bob["id"])
    assert left["errors"] == [] and left["dataset"] is None
    assert await card(service, bob, image) is None
    assert await card(service, carol, image) is not None
    # Garbage and unknown ids are simply not found.
    for bad in ("nonsense", to_bob["id"]):
        assert [e["code"] for e in (await revoke(service, alice, bad))["errors"]] == ["NOT_FOUND"]


async def test_scopes_from_each_side(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    bob = await signed_up(service, "bob@lab.example")
    mine = await create_dataset(service, alice, "Alice private", "MSI")
    shared = await create_dataset(service, alice, "Alice shared", "IMAGE")
    public = await create_dataset(service, alice, "Alice public", "MSI")
    bobs = await create_dataset(service, bob, "Bob own", "IMAGE")
    await share(service, alice, shared, ["bob@lab.example"], notify=False)
    await set_public(service, alice, public, True)

    async def names(person: Person | None, scope: str) -> set[str]:
        body = await gql(
            service,
            """query($s: DatasetScope) {
                 datasets(scope: $s, first: 100) { edges { node { name } } } }""",
            {"s": scope},
            token=person.token if person else None,
        )
        return {edge["node"]["name"] for edge in body["data"]["datasets"]["edges"]}

    assert await names(bob, "MINE") == {"Bob own", "Alice shared"}
    assert await names(bob, "OWNED") == {"Bob own"}
    assert await names(bob, "SHARED_WITH_ME") == {"Alice shared"}
    assert await names(bob, "PUBLIC") == {"Alice public"}
    assert await names(bob, "ALL") == {"Bob own", "Alice shared", "Alice public"}
    assert await names(None, "ALL") == {"Alice public"}
    assert await names(None, "MINE") == set()
    del mine, bobs


async def test_parallel_shares_to_one_address_make_one_grant(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Liver", "IMAGE")
    results = await asyncio.gather(
        *(share(service, alice, image, ["bob@lab.example"], notify=False) for _ in range(8))
    )
    assert all(result["errors"] == [] for result in results)
    assert len({result["grants"][0]["id"] for result in results}) == 1
    assert await ShareGrant.all().count() == 1


async def test_parallel_revokes_leave_a_consistent_state(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Liver", "IMAGE")
    grants = (
        await share(service, alice, image, [f"p{i}@lab.example" for i in range(6)], notify=False)
    )["grants"]
    results = await asyncio.gather(
        *(revoke(service, alice, grant["id"]) for grant in grants for _ in range(2))
    )
    succeeded = [r for r in results if r["errors"] == []]
    assert sorted(g for r in succeeded for g in r["revokedGrantIds"]) == sorted(
        g["id"] for g in grants
    )
    assert all(
        r["errors"] == [{"code": "NOT_FOUND", "field": None}] for r in results if r["errors"]
    )
    assert await ShareGrant.all().count() == 0
    assert (await card(service, alice, image))["badges"] == ["OWNER", "PRIVATE"]


async def test_five_hundred_new_grants_a_day(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Liver", "IMAGE")
    alice_row = await User.get(email="alice@lab.example")
    await ShareEvent.bulk_create([ShareEvent(user_id=alice_row.id) for _ in range(499)])
    limited = await share(service, alice, image, ["a@lab.example", "b@lab.example"], notify=False)
    assert [e["code"] for e in limited["errors"]] == ["RATE_LIMITED"]
    assert await ShareGrant.all().count() == 0
    allowed = await share(service, alice, image, ["a@lab.example"], notify=False)
    assert allowed["errors"] == []


async def test_grants_are_nodes_for_those_who_may_see_them(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    bob = await signed_up(service, "bob@lab.example")
    dave = await signed_up(service, "dave@lab.example")
    image = await create_dataset(service, alice, "Liver", "IMAGE")
    grant = (await share(service, alice, image, ["bob@lab.example"], notify=False))["grants"][0]
    query = "query($id: ID!) { node(id: $id) { ... on ShareGrant { id dataset { name } } } }"

    async def node(person: Person | None) -> Any:
        body = await gql(
            service, query, {"id": grant["id"]}, token=person.token if person else None
        )
        return body["data"]["node"]

    assert (await node(alice))["dataset"]["name"] == "Liver"
    assert (await node(bob))["id"] == grant["id"]
    assert await node(dave) is None
    assert await node(None) is None


async def test_an_smtp_outage_delays_invitations_and_never_undoes_a_share(
    service: Service,
) -> None:
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Liver", "IMAGE")
    service.mailbox.stop()
    try:
        shared = await share(service, alice, image, ["bob@lab.example"])
        assert shared["errors"] == [] and len(shared["grants"]) == 1
        await asyncio.sleep(0.5)  # the worker tries, fails, and schedules a retry
        assert service.mailbox.to("bob@lab.example") == []
    finally:
        service.mailbox.start()
    [invitation] = await service.mailbox.wait_for(1, to="bob@lab.example", timeout=15)
    assert "Liver" in invitation.subject
    assert await ShareGrant.filter(recipient_email="bob@lab.example").count() == 1


async def test_explicit_nulls_mean_the_contract_defaults(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Liver", "IMAGE")
    shared = await share(
        service,
        alice,
        image,
        ["bob@lab.example"],
        message=None,
        canShare=None,
        canModify=None,
        notify=None,
    )
    assert shared["errors"] == []
    grant = shared["grants"][0]
    assert (grant["message"], grant["canShare"], grant["canModify"]) == ("", False, False)
    await service.mailbox.wait_for(1, to="bob@lab.example")  # notify: null means true
    page = await gql(
        service,
        "{ datasets(scope: null, first: null) { edges { node { name } } } }",
        token=alice.token,
    )
    assert [e["node"]["name"] for e in page["data"]["datasets"]["edges"]] == ["Liver"]


async def test_update_grant_answers_the_dataset_with_its_access_list_refreshed(
    service: Service,
) -> None:
    alice = await signed_up(service, "alice@lab.example")
    await signed_up(service, "bob@lab.example")
    image = await create_dataset(service, alice, "Liver", "IMAGE")
    grant = (await share(service, alice, image, ["bob@lab.example"], notify=False))["grants"][0]
    query = """mutation($i: UpdateGrantInput!) { updateGrant(input: $i) {
      grant { id canShare canModify }
      dataset { id access { entries { email canShare canModify grant { id canShare } } } }
      errors { code } } }"""
    body = await gql(
        service, query, {"i": {"grantId": grant["id"], "canShare": True}}, token=alice.token
    )
    payload = body["data"]["updateGrant"]
    assert payload["errors"] == []
    assert payload["grant"] == {"id": grant["id"], "canShare": True, "canModify": False}
    assert payload["dataset"]["id"] == image
    owner_row, bob_row = payload["dataset"]["access"]["entries"]
    assert owner_row["email"] == "alice@lab.example"
    assert bob_row == {
        "email": "bob@lab.example",
        "canShare": True,
        "canModify": False,
        "grant": {"id": grant["id"], "canShare": True},
    }
    refused = await gql(
        service, query, {"i": {"grantId": "nonsense", "canShare": True}}, token=alice.token
    )
    assert refused["data"]["updateGrant"] == {
        "grant": None,
        "dataset": None,
        "errors": [{"code": "NOT_FOUND"}],
    }
