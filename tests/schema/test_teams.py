"""Teams over HTTP (SPEC section 14): who sees and changes a team, members and their
pending memberships, sharing with a team, rights as the union, and access ending at once."""

from __future__ import annotations

from typing import Any

from models import OutboxMessage, ShareGrant, TeamMember
from tests.conftest import Service
from tests.schema.test_grant_expiry import ahead, end_now
from tests.story import (
    ACCESS,
    Person,
    add_members,
    card,
    create_dataset,
    create_team,
    gql,
    people,
    remove_member,
    revoke,
    share,
    share_with_teams,
    signed_up,
    team_mutation,
)
from tests.web.test_files import get, put

TEAMS = "query { teams { id name viewerRole members { email role pending } } }"
NODE = "query($id: ID!) { node(id: $id) { ... on Team { id name } } }"
LISTING = """query($scope: DatasetScope) { datasets(scope: $scope) {
  edges { node { id badges sharedAt viewerGrant { id } } } } }"""
TEAM_ROWS = f"""query($id: ID!) {{ dataset(id: $id) {{ access {{ {ACCESS}
  entries {{ role email team {{ id name members {{ email }} }}
            grant {{ recipientEmail team {{ id }} }} }}
}} }} }}"""


async def listed(service: Service, viewer: Person, scope: str = "MINE") -> list[Any]:
    body = await gql(service, LISTING, {"scope": scope}, token=viewer.token)
    return [edge["node"] for edge in body["data"]["datasets"]["edges"]]


async def team_rows(service: Service, viewer: Person, dataset_id: str) -> list[Any]:
    body = await gql(service, TEAM_ROWS, {"id": dataset_id}, token=viewer.token)
    access = body["data"]["dataset"]["access"]
    return [entry for entry in access["entries"] if entry["role"] == "TEAM"]


def codes(payload: Any) -> list[tuple[str, str | None]]:
    return [(error["code"], error["field"]) for error in payload["errors"]]


async def test_a_team_is_seen_and_changed_by_its_members_only(service: Service) -> None:
    alice, bob, carol = await people(service, "alice", "bob", "carol")
    team = await create_team(service, alice, "Imaging lab", bob.email)

    mine = (await gql(service, TEAMS, token=alice.token))["data"]["teams"]
    assert [(t["name"], t["viewerRole"]) for t in mine] == [("Imaging lab", "MANAGER")]
    assert [(m["email"], m["role"], m["pending"]) for m in mine[0]["members"]] == [
        (alice.email, "MANAGER", False),
        (bob.email, "MEMBER", False),
    ]
    assert (await gql(service, NODE, {"id": team}, token=bob.token))["data"]["node"]["id"] == team
    # Carol is no member: the team does not exist for her.
    assert (await gql(service, NODE, {"id": team}, token=carol.token))["data"]["node"] is None
    assert (await gql(service, TEAMS, token=carol.token))["data"]["teams"] == []
    renamed = {"id": team, "name": "Renamed"}
    assert codes(await team_mutation(service, carol, "updateTeam", "UpdateTeamInput", renamed)) == [
        ("NOT_FOUND", None)
    ]
    # Bob is a member, not a manager.
    assert codes(await team_mutation(service, bob, "updateTeam", "UpdateTeamInput", renamed)) == [
        ("FORBIDDEN", None)
    ]
    done = await team_mutation(service, alice, "updateTeam", "UpdateTeamInput", renamed)
    assert done["errors"] == [] and done["team"]["name"] == "Renamed"
    deleted = await gql(
        service,
        "mutation($i: DeleteTeamInput!) { deleteTeam(input: $i) { deletedId errors { code } } }",
        {"i": {"id": team}},
        token=bob.token,
    )
    assert deleted["data"]["deleteTeam"]["errors"] == [{"code": "FORBIDDEN"}]


async def test_adding_members_is_all_or_nothing(service: Service) -> None:
    alice, bob = await people(service, "alice", "bob")
    team = await create_team(service, alice, "Lab")
    bad = await add_members(
        service, alice, team, [bob.email, "not-an-address", "x@", "c@lab.example"]
    )
    assert codes(bad) == [("INVALID_INPUT", "emails.1"), ("INVALID_INPUT", "emails.2")]
    assert await TeamMember.filter(email=bob.email).count() == 0
    assert codes(await add_members(service, bob, team, [bob.email])) == [("NOT_FOUND", None)]


async def test_pending_members_join_when_they_confirm(service: Service) -> None:
    alice, bob = await people(service, "alice", "bob")
    team = await create_team(service, alice, "Lab")
    added = await add_members(service, alice, team, [bob.email, " Dora@Lab.example "])
    assert added["errors"] == []
    assert [(m["email"], m["pending"]) for m in added["team"]["members"]][1:] == [
        (bob.email, False),
        ("dora@lab.example", True),
    ]
    # Both get an email: Bob about the team, Dora an invitation to sign up.
    assert 'the team "Lab"' in (await service.mailbox.wait_for(2, to=bob.email))[-1].text
    invitation = (await service.mailbox.wait_for(to="dora@lab.example"))[0]
    assert "/signup?" in invitation.text
    dataset = await create_dataset(service, alice, "Kidney", "IMAGE")
    assert (await share_with_teams(service, alice, dataset, [team]))["errors"] == []
    dora = await signed_up(service, "dora@lab.example")
    assert [d["id"] for d in await listed(service, dora, "SHARED_WITH_ME")] == [dataset]
    mine = (await gql(service, TEAMS, token=dora.token))["data"]["teams"]
    assert [t["viewerRole"] for t in mine] == ["MEMBER"]


async def test_members_see_a_team_share_without_an_email(service: Service) -> None:
    alice, bob, carol = await people(service, "alice", "bob", "carol")
    team = await create_team(service, alice, "Lab", bob.email)
    dataset = await create_dataset(service, alice, "Kidney", "IMAGE")
    before = await OutboxMessage.all().count()

    shared = await share_with_teams(service, alice, dataset, [team], canModify=True)
    assert shared["errors"] == []
    assert [(g["recipientEmail"], g["pending"]) for g in shared["grants"]] == [("", False)]
    assert await OutboxMessage.all().count() == before

    seen = await listed(service, bob, "SHARED_WITH_ME")
    assert [(d["id"], d["badges"], d["viewerGrant"]) for d in seen] == [
        (dataset, ["SHARED_WITH_ME", "AVAILABLE"], None)
    ]
    assert seen[0]["sharedAt"] is not None
    rights = (await card(service, bob, dataset))["viewerPermissions"]
    assert (rights["canView"], rights["canModify"], rights["canShare"]) == (True, True, False)
    assert await card(service, carol, dataset) is None

    [row] = await team_rows(service, alice, dataset)
    assert row["email"] == "" and row["user"] is None and row["team"]["name"] == "Lab"
    assert row["grant"]["team"]["id"] == team
    assert {m["email"] for m in row["team"]["members"]} == {alice.email, bob.email}


async def test_an_access_list_names_a_team_to_non_members(service: Service) -> None:
    alice, bob, carol = await people(service, "alice", "bob", "carol")
    team = await create_team(service, alice, "Lab", bob.email)
    dataset = await create_dataset(service, alice, "Kidney", "MSI")
    await share_with_teams(service, alice, dataset, [team])
    await share(service, alice, dataset, [carol.email], canShare=True)
    [row] = await team_rows(service, carol, dataset)
    assert row["team"] == {"id": team, "name": "Lab", "members": []}
    assert (await gql(service, NODE, {"id": team}, token=carol.token))["data"]["node"] is None


async def test_only_a_member_shares_with_a_team(service: Service) -> None:
    alice, bob, carol = await people(service, "alice", "bob", "carol")
    team = await create_team(service, bob, "Bob's lab", carol.email)
    dataset = await create_dataset(service, alice, "Kidney", "MSI")
    refused = await share(service, alice, dataset, [carol.email], teamIds=[team, "nonsense"])
    assert codes(refused) == [("NOT_FOUND", "teamIds.0"), ("NOT_FOUND", "teamIds.1")]
    assert await ShareGrant.all().count() == 0
    empty = await share(service, alice, dataset, [])
    assert codes(empty) == [("INVALID_INPUT", "emails")]


async def test_rights_are_the_union_and_never_escalate(service: Service) -> None:
    alice, bob, carol = await people(service, "alice", "bob", "carol")
    team = await create_team(service, alice, "Lab", bob.email)
    dataset = await create_dataset(service, alice, "Kidney", "IMAGE")
    await share(service, alice, dataset, [bob.email], canModify=True)
    await share_with_teams(service, alice, dataset, [team], canShare=True)
    rights = (await card(service, bob, dataset))["viewerPermissions"]
    assert (rights["canShare"], rights["canModify"]) == (True, True)
    # Bob's own grant stays his viewerGrant.
    [seen] = await listed(service, bob, "SHARED_WITH_ME")
    assert seen["viewerGrant"] is not None

    # Carol holds only the team's grant (canShare, no canModify): no canModify to hand out.
    await add_members(service, alice, team, [carol.email], notify=False)
    dora = await signed_up(service, "dora@lab.example")
    refused = await share(service, carol, dataset, [dora.email], canModify=True)
    assert codes(refused) == [("FORBIDDEN", "canModify")]
    assert (await share(service, carol, dataset, [dora.email]))["errors"] == []


async def test_who_manages_a_team_grant(service: Service) -> None:
    alice, bob, carol = await people(service, "alice", "bob", "carol")
    team = await create_team(service, bob, "Lab", carol.email)
    dataset = await create_dataset(service, alice, "Kidney", "MSI")
    await share(service, alice, dataset, [bob.email], canShare=True)
    grant = (await share_with_teams(service, bob, dataset, [team], canShare=True))["grants"][0]
    # Carol holds the team's grant but did not make it: she cannot revoke it.
    assert codes(await revoke(service, carol, grant["id"])) == [("FORBIDDEN", None)]
    # Sharing again is Bob's to do (he made the grant) and updates the same grant.
    again = await share_with_teams(service, carol, dataset, [team])
    assert codes(again) == [("ALREADY_HAS_ACCESS", "teamIds.0")]
    updated = await share_with_teams(service, bob, dataset, [team])
    assert updated["grants"][0]["id"] == grant["id"]
    assert (await revoke(service, bob, grant["id"]))["errors"] == []
    assert await card(service, carol, dataset) is None


async def test_a_cascade_from_a_team_grant_takes_what_was_shared_through_it(
    service: Service,
) -> None:
    alice, carol, dave, erin, frank, gina = await people(
        service, "alice", "carol", "dave", "erin", "frank", "gina"
    )
    team = await create_team(service, alice, "Lab", carol.email, dave.email)
    dataset = await create_dataset(service, alice, "Kidney", "MSI")
    # Carol may share by her own grant too; Dave only through the team.
    await share(service, alice, dataset, [carol.email], canShare=True, notify=False)
    team_grant = (await share_with_teams(service, alice, dataset, [team], canShare=True))["grants"][
        0
    ]
    to_erin = (await share(service, dave, dataset, [erin.email], canShare=True, notify=False))[
        "grants"
    ][0]
    to_frank = (await share(service, erin, dataset, [frank.email], notify=False))["grants"][0]
    to_gina = (await share(service, carol, dataset, [gina.email], notify=False))["grants"][0]

    # Without cascade, what the members shared stays.
    assert (await revoke(service, alice, team_grant["id"]))["revokedGrantIds"] == [team_grant["id"]]
    assert await card(service, erin, dataset) is not None
    team_grant = (await share_with_teams(service, alice, dataset, [team], canShare=True))["grants"][
        0
    ]

    # With cascade: Dave's grants (his right to share came only through the team) and
    # theirs downstream go; Carol's stay, made under her own grant.
    gone = await revoke(service, alice, team_grant["id"], cascade=True)
    assert gone["errors"] == []
    assert sorted(gone["revokedGrantIds"]) == sorted(
        [team_grant["id"], to_erin["id"], to_frank["id"]]
    )
    assert await card(service, erin, dataset) is None
    assert await card(service, frank, dataset) is None
    assert await card(service, gina, dataset) is not None
    assert await card(service, carol, dataset) is not None
    assert to_gina["id"] in str(await gql(service, TEAM_ROWS, {"id": dataset}, token=alice.token))


async def test_removal_and_leaving_end_access_at_once(service: Service) -> None:
    alice, bob, carol = await people(service, "alice", "bob", "carol")
    team = await create_team(service, alice, "Lab", bob.email, carol.email)
    dataset = await create_dataset(service, alice, "Kidney", "IMAGE")
    assert (await put(service, alice, dataset, b"pixels")).status_code == 201
    await share_with_teams(service, alice, dataset, [team])
    url = (
        await gql(
            service,
            "query($id: ID!) { dataset(id: $id) { file { downloadUrl } } }",
            {"id": dataset},
            token=bob.token,
        )
    )["data"]["dataset"]["file"]["downloadUrl"]
    assert (await get(service, bob, url)).status_code == 200

    removed = await remove_member(service, alice, team, bob.email)
    assert removed["errors"] == [] and bob.email not in str(removed["team"]["members"])
    assert await card(service, bob, dataset) is None
    assert await listed(service, bob) == []
    assert (await get(service, bob, url)).status_code == 404

    left = await remove_member(service, carol, team, carol.email)
    assert left == {"team": None, "errors": []}
    assert await card(service, carol, dataset) is None
    # Only managers remove others.
    await add_members(service, alice, team, [bob.email, carol.email], notify=False)
    assert codes(await remove_member(service, bob, team, carol.email)) == [("FORBIDDEN", None)]


async def test_the_last_manager_stays_while_others_remain(service: Service) -> None:
    alice, bob = await people(service, "alice", "bob")
    team = await create_team(service, alice, "Lab")
    await add_members(service, alice, team, ["pending@lab.example"], notify=False)
    assert codes(await remove_member(service, alice, team, alice.email)) == [("FORBIDDEN", None)]
    step_down = {"teamId": team, "email": alice.email, "role": "MEMBER"}
    refused = await team_mutation(
        service, alice, "updateTeamMember", "UpdateTeamMemberInput", step_down
    )
    assert codes(refused) == [("FORBIDDEN", None)]
    await add_members(service, alice, team, [bob.email], notify=False)
    promote = {"teamId": team, "email": bob.email, "role": "MANAGER"}
    made = await team_mutation(service, alice, "updateTeamMember", "UpdateTeamMemberInput", promote)
    assert made["errors"] == []
    assert (await remove_member(service, alice, team, alice.email))["errors"] == []
    assert await TeamMember.filter(email=alice.email).count() == 0


async def test_deleting_a_team_revokes_its_grants(service: Service) -> None:
    alice, bob = await people(service, "alice", "bob")
    team = await create_team(service, alice, "Lab", bob.email)
    dataset = await create_dataset(service, alice, "Kidney", "MSI")
    await share_with_teams(service, alice, dataset, [team])
    deleted = await gql(
        service,
        "mutation($i: DeleteTeamInput!) { deleteTeam(input: $i) { deletedId errors { code } } }",
        {"i": {"id": team}},
        token=alice.token,
    )
    assert deleted["data"]["deleteTeam"] == {"deletedId": team, "errors": []}
    assert await card(service, bob, dataset) is None
    assert await team_rows(service, alice, dataset) == []
    assert (await card(service, alice, dataset))["visibility"] == "PRIVATE"


async def test_a_pending_member_holds_nothing(service: Service) -> None:
    alice = (await people(service, "alice"))[0]
    team = await create_team(service, alice, "Lab", "later@lab.example")
    dataset = await create_dataset(service, alice, "Kidney", "MSI")
    await share_with_teams(service, alice, dataset, [team])
    assert await ShareGrant.filter(recipient_id__isnull=False).count() == 0


async def test_a_member_sharing_through_the_team_sees_the_addresses_they_manage(
    service: Service,
) -> None:
    alice, bob, carol = await people(service, "alice", "bob", "carol")
    team = await create_team(service, alice, "Lab", bob.email)
    dataset = await create_dataset(service, alice, "Kidney", "MSI")
    await share_with_teams(service, alice, dataset, [team], canShare=True)
    shared = await share(service, bob, dataset, [carol.email])
    assert shared["errors"] == []
    body = await gql(service, TEAM_ROWS, {"id": dataset}, token=bob.token)
    rows = body["data"]["dataset"]["access"]["entries"]
    carol_row = next(row for row in rows if row["email"] == carol.email)
    assert carol_row["viewerCanChange"] is True
    assert carol_row["user"]["email"] == carol.email


async def test_a_team_grant_ends_as_a_personal_grant_does(service: Service) -> None:
    alice, bob, carol = await people(service, "alice", "bob", "carol")
    team = await create_team(service, alice, "Lab", bob.email)
    dataset = await create_dataset(service, alice, "Kidney", "IMAGE")
    shared = await share_with_teams(
        service, alice, dataset, [team], canShare=True, expiresAt=ahead(days=10)
    )
    assert shared["errors"] == []
    assert [d["id"] for d in await listed(service, bob, "SHARED_WITH_ME")] == [dataset]

    # Bob shares by the team's grant, which ends in ten days: nothing he gives outlives it.
    for options in ({}, {"expiresAt": ahead(days=11)}):
        refused = await share(service, bob, dataset, [carol.email], notify=False, **options)
        assert codes(refused) == [("FORBIDDEN", "expiresAt")]
    given = await share(service, bob, dataset, [carol.email], notify=False, expiresAt=ahead(days=5))
    assert given["errors"] == []

    # Past its end the team's grant gives nothing: no listing, no card, no download.
    await end_now(shared["grants"][0]["id"])
    for scope in ("SHARED_WITH_ME", "MINE", "ALL"):
        assert await listed(service, bob, scope) == []
    assert await card(service, bob, dataset) is None
    refused = await share(service, bob, dataset, [alice.email + ".other"], notify=False)
    assert codes(refused)[0][0] in ("NOT_FOUND", "FORBIDDEN")
