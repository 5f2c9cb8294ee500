"""Teams (SPEC section 14): creating and changing them, their members, pending
memberships accepted when an address is confirmed. Who may do what is asked of
`services.access`; a team is visible only to its confirmed members."""

from __future__ import annotations

from dataclasses import dataclass, field

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from models import ActivityKind, ShareGrant, Team, TeamMember, TeamRole, User
from services import access, activity, events
from services.access import TeamFacts
from services.address_locks import lock_addresses
from services.clock import now
from services.datasets import checked_description, checked_name
from services.emails import checked_addresses, normalize_email
from services.errors import DomainError, InvalidInput, NotFound, collect
from services.notifications.outbox import enqueue_many
from services.notifications.team_emails import team_member_email
from services.settings import Settings

MAX_ADDRESSES = 50


@dataclass
class TeamView:
    """A team as one viewer sees it: members only for members, oldest first."""

    team: Team
    viewer_role: TeamRole | None
    members: list[TeamMember] = field(default_factory=list)


def _facts(members: list[TeamMember], viewer_id: int | None) -> TeamFacts:
    mine = next((m for m in members if viewer_id and m.user_id == viewer_id), None)
    return TeamFacts(
        viewer_role=str(mine.role) if mine else None,
        managers=sum(1 for m in members if m.role == TeamRole.MANAGER),
        members=len(members),
    )


def _view(team: Team, members: list[TeamMember], viewer_id: int | None) -> TeamView:
    facts = _facts(members, viewer_id)
    if not access.may_see_team(facts):
        return TeamView(team, None)
    ordered = sorted(members, key=lambda m: (m.created_at, m.id))
    return TeamView(team, TeamRole(str(facts.viewer_role)), ordered)


async def _team_datasets(team_ids: list[int], conn: BaseDBAsyncClient) -> list[int]:
    """The datasets the teams hold grants on."""
    rows = (
        await ShareGrant.filter(team_id__in=team_ids)
        .using_db(conn)
        .values_list("dataset_id", flat=True)
    )
    return sorted({int(str(pk)) for pk in rows})


async def _announce_members(
    team_ids: list[int], user_ids: list[int | None], conn: BaseDBAsyncClient
) -> None:
    """These users joined or left the teams: the teams' datasets may have appeared or gone
    for them, and for nobody else (`events.publish` with `only_users`)."""
    users = [pk for pk in user_ids if pk is not None]
    if team_ids and users:
        await events.publish(
            conn, *await _team_datasets(team_ids, conn), users=users, only_users=True
        )


async def _members(team_id: int, conn: BaseDBAsyncClient | None = None) -> list[TeamMember]:
    return await TeamMember.filter(team_id=team_id).using_db(conn)


async def _locked(
    viewer_id: int, team_id: int | None, conn: BaseDBAsyncClient
) -> tuple[Team, list[TeamMember], TeamFacts]:
    """The team, locked (PostgreSQL) so concurrent membership changes serialize on it;
    `NotFound` unless the viewer is a member."""
    team = (
        await Team.filter(id=team_id).using_db(conn).select_for_update().first()
        if team_id
        else None
    )
    members = await _members(team.id, conn) if team else []
    facts = _facts(members, viewer_id)
    if team is None or not access.may_see_team(facts):
        raise NotFound("No such team.")
    return team, members, facts


async def teams_of(viewer_id: int | None) -> list[TeamView]:
    """The viewer's teams (confirmed memberships), oldest first: two queries."""
    if viewer_id is None:
        return []
    team_ids = await TeamMember.filter(user_id=viewer_id).values_list("team_id", flat=True)
    teams = await Team.filter(id__in=list(team_ids)).order_by("created_at", "id")
    members: dict[int, list[TeamMember]] = {team.id: [] for team in teams}
    for member in await TeamMember.filter(team_id__in=list(members)):
        members[member.team_id].append(member)
    return [_view(team, members[team.id], viewer_id) for team in teams]


async def find_team(viewer_id: int | None, team_id: int) -> TeamView | None:
    """A team as the viewer sees it: None unless they are a member (`node(id:)`)."""
    team = await Team.filter(id=team_id).first()
    if team is None:
        return None
    view = _view(team, await _members(team.id), viewer_id)
    return view if view.viewer_role else None


async def teams_by_id(viewer_id: int | None, team_ids: list[int]) -> dict[int, TeamView]:
    """Teams holding grants, for access lists: their id and name to whoever may see the
    list; members only to members."""
    teams = await Team.filter(id__in=team_ids)
    members: dict[int, list[TeamMember]] = {team.id: [] for team in teams}
    for member in await TeamMember.filter(team_id__in=list(members)):
        members[member.team_id].append(member)
    return {team.id: _view(team, members[team.id], viewer_id) for team in teams}


def _checked_values(name: str | None, description: str | None) -> dict[str, str]:
    errors: list[DomainError] = []
    values: dict[str, str] = {}
    for key, check, value in (
        ("name", checked_name, name),
        ("description", checked_description, description),
    ):
        if value is None:
            continue
        try:
            values[key] = check(value)
        except InvalidInput as error:
            errors.append(error)
    collect(errors)
    return values


async def create_team(viewer: User, name: str, description: str) -> TeamView:
    """The creator is the team's first manager."""
    values = _checked_values(name, description)
    async with in_transaction() as conn:
        team = await Team.create(**values, using_db=conn)
        member = await TeamMember.create(
            team_id=team.id,
            email=viewer.email,
            user_id=viewer.id,
            role=TeamRole.MANAGER,
            joined_at=now(),
            using_db=conn,
        )
    return TeamView(team, TeamRole.MANAGER, [member])


async def update_team(
    viewer: User, team_id: int | None, name: str | None, description: str | None
) -> TeamView:
    values = _checked_values(name, description)
    async with in_transaction() as conn:
        team, members, facts = await _locked(viewer.id, team_id, conn)
        access.check_manage_team(facts)
        if values:
            renamed = "name" in values and values["name"] != team.name
            team.update_from_dict(values)
            await team.save(using_db=conn)
            if renamed:
                # Access lists name the team: their cards changed for whoever sees them.
                await events.publish(conn, *await _team_datasets([team.id], conn))
        return _view(team, members, viewer.id)


async def delete_team(viewer: User, team_id: int | None) -> int:
    """Deleting a team revokes its grants (and its memberships)."""
    async with in_transaction() as conn:
        team, members, facts = await _locked(viewer.id, team_id, conn)
        access.check_manage_team(facts)
        for grant in await ShareGrant.filter(team_id=team.id).using_db(conn):
            await activity.record(
                conn,
                grant.dataset_id,
                activity.about_grant(
                    ActivityKind.REVOKED,
                    viewer.id,
                    grant,
                    {team.id: team.name},
                    teamDeleted=True,
                ),
            )
        # Its grants go: the members may lose the datasets, the access lists change.
        await events.publish(
            conn,
            *await _team_datasets([team.id], conn),
            users=[m.user_id for m in members if m.user_id],
        )
        await ShareGrant.filter(team_id=team.id).using_db(conn).delete()
        await TeamMember.filter(team_id=team.id).using_db(conn).delete()
        await team.delete(using_db=conn)
        return team.id


@dataclass(frozen=True)
class AddMembers:
    team_id: int | None
    emails: list[str]
    role: TeamRole = TeamRole.MEMBER
    notify: bool = True


def _validated(request: AddMembers) -> list[str]:
    """Normalized addresses; every bad one its own error (`emails.N`), nothing added."""
    errors: list[DomainError] = []
    if not 1 <= len(request.emails) <= MAX_ADDRESSES:
        errors.append(
            InvalidInput(f"Give between 1 and {MAX_ADDRESSES} addresses.", field="emails")
        )
    addresses, bad = checked_addresses(request.emails)
    errors += bad
    collect(errors)
    return addresses


async def add_team_members(viewer: User, request: AddMembers, settings: Settings) -> TeamView:
    """Add addresses: accepted at once for confirmed accounts, pending (with a sign-up
    invitation) otherwise; addresses already in the team stay as they are."""
    addresses = _validated(request)
    async with in_transaction() as conn:
        team, members, facts = await _locked(viewer.id, request.team_id, conn)
        access.check_manage_team(facts)
        # Before reading which addresses have confirmed accounts: see `address_locks`.
        await lock_addresses(addresses, conn)
        present = {member.email for member in members}
        new = [address for address in dict.fromkeys(addresses) if address not in present]
        confirmed = dict(
            await User.filter(email__in=new, email_verified_at__not_isnull=True)
            .using_db(conn)
            .values_list("email", "id")
        )
        moment = now()
        added = [
            await TeamMember.create(
                team_id=team.id,
                email=address,
                user_id=confirmed.get(address),
                role=request.role,
                joined_at=moment if address in confirmed else None,
                using_db=conn,
            )
            for address in new
        ]
        await _announce_members([team.id], [member.user_id for member in added], conn)
        if request.notify and added:
            emails = [
                (
                    team_member_email(
                        settings,
                        adder=viewer,
                        team=team,
                        has_account=member.user_id is not None,
                        member_email=member.email,
                    ),
                    member.email,
                )
                for member in added
            ]
            await enqueue_many(emails, using_db=conn)
        return _view(team, members + added, viewer.id)


def _member_by_email(members: list[TeamMember], email: str) -> TeamMember:
    address = normalize_email(email)
    found = next((member for member in members if member.email == address), None)
    if found is None:
        raise NotFound("No such member of this team.", field="email")
    return found


async def update_team_member(
    viewer: User, team_id: int | None, email: str, role: TeamRole
) -> TeamView:
    """Managers change roles; the last manager cannot step down."""
    async with in_transaction() as conn:
        team, members, facts = await _locked(viewer.id, team_id, conn)
        access.check_manage_team(facts)
        member = _member_by_email(members, email)
        if role != member.role:
            if role != TeamRole.MANAGER:
                access.check_lose_manager(facts, str(member.role), leaving=False)
            member.role = role
            await member.save(using_db=conn, update_fields=["role"])
            # Members see their team's roles in the access lists of its datasets.
            await events.publish(
                conn,
                *await _team_datasets([team.id], conn),
                users=[m.user_id for m in members if m.user_id],
                only_users=True,
            )
        return _view(team, members, viewer.id)


async def remove_team_member(viewer: User, team_id: int | None, email: str) -> TeamView | None:
    """Managers remove anyone; anyone leaves. Access through the team ends with the
    commit. The last member leaving takes the team (and its grants) with them. Returns the
    team as the viewer now sees it (None once they left)."""
    async with in_transaction() as conn:
        team, members, facts = await _locked(viewer.id, team_id, conn)
        member = _member_by_email(members, email)
        access.check_remove_member(facts, member.user_id, viewer.id)
        access.check_lose_manager(facts, str(member.role), leaving=True)
        if len(members) == 1:
            # The team goes with its grants: the access lists change for all who see them.
            leaving = [member.user_id] if member.user_id else []
            await events.publish(conn, *await _team_datasets([team.id], conn), users=leaving)
            await ShareGrant.filter(team_id=team.id).using_db(conn).delete()
            await team.delete(using_db=conn)
            return None
        await _announce_members([team.id], [member.user_id], conn)
        await member.delete(using_db=conn)
        remaining = [m for m in members if m.id != member.id]
        view = _view(team, remaining, viewer.id)
        return view if view.viewer_role else None


async def accept_pending_memberships(user: User, conn: BaseDBAsyncClient) -> int:
    """Bind every pending membership of `user`'s confirmed address; run in the confirming
    transaction after its address lock (as `accept_pending_grants`)."""
    pending = TeamMember.filter(email=user.email, user_id=None).using_db(conn)
    team_ids = [int(str(pk)) for pk in await pending.values_list("team_id", flat=True)]
    accepted = await pending.update(user_id=user.id, joined_at=now())
    await _announce_members(team_ids, [user.id], conn)
    return accepted
