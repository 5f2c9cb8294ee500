"""Invitations (SPEC section 9): when they were sent, when they run out, sending them again."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from models import OutboxMessage, ShareGrant
from services.clock import now
from services.ids import decode_pk
from tests.conftest import Service, ServiceFactory
from tests.story import Person, create_dataset, gql, people, share, signed_up

INVITATION = "id pending expired invitationSentAt invitationExpiresAt"
SHARE = f"""mutation($i: ShareDatasetInput!) {{ shareDataset(input: $i) {{
  grants {{ {INVITATION} }} errors {{ code field }} }} }}"""
RESEND = f"""mutation($i: ResendInvitationInput!) {{ resendInvitation(input: $i) {{
  grant {{ {INVITATION} }} errors {{ code field message }} }} }}"""
ACCESS = f"""query($id: ID!) {{ dataset(id: $id) {{ access {{ entries {{
  email pending expired grant {{ {INVITATION} }} }} }} }} }}"""
SEEN = "query($id: ID!) { dataset(id: $id) { id viewerGrant { id } } }"


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


async def invite(
    service: Service, sharer: Person, dataset_id: str, emails: list[str], notify: bool = True
) -> list[Any]:
    body = await gql(
        service,
        SHARE,
        {"i": {"datasetId": dataset_id, "emails": emails, "notify": notify}},
        token=sharer.token,
    )
    payload = body["data"]["shareDataset"]
    assert payload["errors"] == [], payload["errors"]
    return list(payload["grants"])


async def resend(service: Service, person: Person | None, grant_id: str) -> Any:
    body = await gql(
        service, RESEND, {"i": {"grantId": grant_id}}, token=person.token if person else None
    )
    return body["data"]["resendInvitation"]


def codes(payload: Any) -> list[str]:
    return [error["code"] for error in payload["errors"]]


async def invitations_to(address: str) -> int:
    return await OutboxMessage.filter(to_address=address, kind__startswith="share").count()


async def test_a_share_tells_when_its_invitation_was_sent_and_runs_out(
    start_service: ServiceFactory,
) -> None:
    service = await start_service(INVITATION_DAYS="2")
    alice = await signed_up(service, "alice@lab.example")
    await signed_up(service, "bob@lab.example")
    image = await create_dataset(service, alice, "Kidney", "IMAGE")
    to_bob, to_carol = await invite(service, alice, image, ["bob@lab.example", "carol@x.example"])
    assert to_carol["pending"] is True and to_carol["expired"] is False
    sent = at(to_carol["invitationSentAt"])
    assert at(to_carol["invitationExpiresAt"]) - sent == timedelta(days=2)
    assert abs(sent - now()) < timedelta(minutes=1)
    # Bob's was accepted at once: it runs out no more.
    assert to_bob["pending"] is False and to_bob["invitationExpiresAt"] is None
    assert to_bob["invitationSentAt"] is not None and to_bob["expired"] is False

    # Without an email, nothing was sent, yet the invitation runs out all the same.
    [quiet] = await invite(service, alice, image, ["dave@x.example"], notify=False)
    assert quiet["invitationSentAt"] is None and quiet["invitationExpiresAt"] is not None


async def test_an_expired_invitation_is_not_accepted_on_confirmation(
    start_service: ServiceFactory,
) -> None:
    service = await start_service(INVITATION_DAYS="0")  # every invitation runs out at once
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Kidney", "IMAGE")
    [grant] = await invite(service, alice, image, ["carol@x.example"])
    assert grant["expired"] is True and grant["pending"] is True

    carol = await signed_up(service, "carol@x.example")
    assert (await gql(service, SEEN, {"id": image}, token=carol.token))["data"]["dataset"] is None
    listed = await gql(
        service,
        "{ datasets(scope: SHARED_WITH_ME) { edges { node { id } } } }",
        token=carol.token,
    )
    assert listed["data"]["datasets"]["edges"] == []
    entries = (await gql(service, ACCESS, {"id": image}, token=alice.token))["data"]["dataset"][
        "access"
    ]["entries"]
    assert [(e["email"], e["pending"], e["expired"]) for e in entries] == [
        ("alice@lab.example", False, False),
        ("carol@x.example", True, True),
    ]
    assert entries[1]["grant"]["expired"] is True

    # Sent again to an address confirmed meanwhile, it is accepted at once.
    resent = await resend(service, alice, grant["id"])
    assert resent["errors"] == []
    assert resent["grant"]["pending"] is False and resent["grant"]["expired"] is False
    assert resent["grant"]["invitationExpiresAt"] is None
    seen = (await gql(service, SEEN, {"id": image}, token=carol.token))["data"]["dataset"]
    assert seen["viewerGrant"]["id"] == grant["id"]


async def test_resending_restarts_the_expiry_and_queues_the_email_again(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Kidney", "IMAGE")
    [grant] = await invite(service, alice, image, ["carol@x.example"])
    await service.mailbox.wait_for(1, to="carol@x.example")
    # The invitation ran out a day ago.
    grant_pk = decode_pk(grant["id"], "ShareGrant")
    await ShareGrant.filter(id=grant_pk).update(
        invitation_sent_at=now() - timedelta(days=31),
        invitation_expires_at=now() - timedelta(days=1),
    )
    entries = (await gql(service, ACCESS, {"id": image}, token=alice.token))["data"]["dataset"][
        "access"
    ]["entries"]
    assert entries[1]["expired"] is True

    # The share's own email does not count against the limit: resend at once.
    resent = await resend(service, alice, grant["id"])
    assert resent["errors"] == []
    again = resent["grant"]
    assert again["pending"] is True and again["expired"] is False
    assert at(again["invitationExpiresAt"]) - at(again["invitationSentAt"]) == timedelta(days=30)
    assert abs(at(again["invitationSentAt"]) - now()) < timedelta(minutes=1)
    messages = await service.mailbox.wait_for(2, to="carol@x.example")
    assert all("Kidney" in message.subject for message in messages)
    assert "sign up" in messages[1].text.lower()

    # Confirming now accepts it.
    carol = await signed_up(service, "carol@x.example")
    seen = (await gql(service, SEEN, {"id": image}, token=carol.token))["data"]["dataset"]
    assert seen["viewerGrant"]["id"] == grant["id"]


async def test_one_resend_per_grant_in_any_ten_minutes(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Kidney", "IMAGE")
    first, other = await invite(service, alice, image, ["carol@x.example", "erin@x.example"])
    assert (await resend(service, alice, first["id"]))["errors"] == []
    limited = await resend(service, alice, first["id"])
    assert codes(limited) == ["RATE_LIMITED"] and limited["grant"] is None
    assert await invitations_to("carol@x.example") == 2  # the share's, and one resend
    # Another grant has its own allowance.
    assert (await resend(service, alice, other["id"]))["errors"] == []

    # Nine minutes later, still limited; eleven minutes later, allowed again.
    grant_pk = decode_pk(first["id"], "ShareGrant")
    await ShareGrant.filter(id=grant_pk).update(invitation_resent_at=now() - timedelta(minutes=9))
    assert codes(await resend(service, alice, first["id"])) == ["RATE_LIMITED"]
    await ShareGrant.filter(id=grant_pk).update(invitation_resent_at=now() - timedelta(minutes=11))
    assert (await resend(service, alice, first["id"]))["errors"] == []
    assert await invitations_to("carol@x.example") == 3


async def test_who_may_resend_and_what(service: Service) -> None:
    alice, bob, dave = await people(service, "alice", "bob", "dave")
    image = await create_dataset(service, alice, "Kidney", "IMAGE")
    [to_bob] = await invite(service, alice, image, ["bob@lab.example"], notify=False)
    await gql(
        service,
        """mutation($i: UpdateGrantInput!) { updateGrant(input: $i) { errors { code } } }""",
        {"i": {"grantId": to_bob["id"], "canShare": True}},
        token=alice.token,
    )
    [alices] = await invite(service, alice, image, ["carol@x.example"], notify=False)
    [bobs] = await invite(service, bob, image, ["erin@x.example"], notify=False)

    assert codes(await resend(service, bob, alices["id"])) == ["FORBIDDEN"]  # not his grant
    assert codes(await resend(service, dave, alices["id"])) == ["NOT_FOUND"]  # not his dataset
    assert codes(await resend(service, None, alices["id"])) == ["UNAUTHENTICATED"]
    assert codes(await resend(service, alice, "nonsense")) == ["NOT_FOUND"]
    accepted = await resend(service, alice, to_bob["id"])
    assert accepted["errors"][0]["code"] == "INVALID_INPUT"
    assert accepted["errors"][0]["field"] == "grantId"
    assert codes(await resend(service, bob, to_bob["id"])) == ["FORBIDDEN"]  # his own grant
    assert await invitations_to("carol@x.example") == 0

    # The sharer resends the grant he made; the owner resends any.
    assert (await resend(service, bob, bobs["id"]))["errors"] == []
    assert (await resend(service, alice, alices["id"]))["errors"] == []
    assert await invitations_to("erin@x.example") == 1
    assert await invitations_to("carol@x.example") == 1
    await share(service, alice, image, ["carol@x.example"], notify=False)  # still one grant
    assert await ShareGrant.filter(recipient_email="carol@x.example").count() == 1
