"""The listing's SQL and the rules of `services/access.py` agree, on random worlds.

Hypothesis builds people, datasets (MSI or IMAGE, public or not), grants (accepted or
pending, with any flags, made by anyone, expired, ending later or never), teams (confirmed
and pending members) and grants to teams (expired, ending later or never) in the real
database. For every viewer (anonymous
included), every scope and every kind filter, the SQL listing walked page by page lists
exactly the datasets the Python rules allow, each card read from SQL carries the facts,
badges and permissions the rules give from the ORM's rows, and `find_card` and
`find_visible` answer exactly for the datasets the viewer may see.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import (
    Dataset,
    DatasetKind,
    ResumableUpload,
    ShareGrant,
    ShareLink,
    Team,
    TeamMember,
    User,
)
from models.sharing import team_key
from resolvers.datasets import decode_cursor, encode_cursor
from services import access, database, resumable
from services.access import DatasetFacts, GrantFacts, Scope
from services.datasets import DatasetCard, find_card, find_visible, grant_facts, list_cards
from services.errors import NotFound
from services.links import dataset_by_link, link_facts
from services.settings import load_settings
from services.tokens import hash_token
from tests import databases

KINDS = [None, "MSI", "IMAGE"]
# Few distinct creation times, so pages often break between datasets created together.
EPOCH = datetime(2026, 1, 1, tzinfo=UTC)
# A grant's end, as the rules meet it against the clock: far from now either way.
ENDS = {
    "never": lambda: None,
    "expired": lambda: datetime.now(UTC) - timedelta(days=1),
    "later": lambda: datetime.now(UTC) + timedelta(days=1),
}


@dataclass(frozen=True)
class DatasetSpec:
    owner: int  # index of a person
    kind: str
    public: bool
    minute: int  # created EPOCH + minute


@dataclass(frozen=True)
class GrantSpec:
    dataset: int  # index of a dataset
    email: str
    recipient: int | None  # index of the person bound to it; None while pending
    granted_by: int
    can_share: bool
    can_modify: bool
    ends: str = "never"  # a key of ENDS


@dataclass(frozen=True)
class LinkSpec:
    """A reviewer link: never in a listing, an access list or AVAILABLE."""

    dataset: int  # index of a dataset
    expires_in: int  # seconds from now (negative: expired)
    revoked: bool
    anonymous: bool
    allow_download: bool


@dataclass(frozen=True)
class TeamSpec:
    members: list[tuple[int, bool]]  # (person, pending)


@dataclass(frozen=True)
class TeamGrantSpec:
    dataset: int
    team: int
    granted_by: int
    can_share: bool
    can_modify: bool
    minute: int  # created EPOCH + minute: ties between teams' grants happen
    ends: str = "never"  # a key of ENDS: a team's grant expires as a person's does


@dataclass(frozen=True)
class World:
    people: int
    datasets: list[DatasetSpec]
    grants: list[GrantSpec]
    page_size: int
    links: tuple[LinkSpec, ...] = ()
    teams: list[TeamSpec] = field(default_factory=list)
    team_grants: list[TeamGrantSpec] = field(default_factory=list)


def email_of(person: int) -> str:
    return f"p{person}@lab.example"


@st.composite
def worlds(draw: st.DrawFn) -> World:
    people = draw(st.integers(1, 4))
    person = st.integers(0, people - 1)
    datasets = draw(
        st.lists(
            st.builds(
                DatasetSpec,
                owner=person,
                kind=st.sampled_from(["MSI", "IMAGE"]),
                public=st.booleans(),
                minute=st.integers(0, 2),
            ),
            max_size=6,
        )
    )
    grants: list[GrantSpec] = []
    for index, spec in enumerate(datasets):
        # One grant per address and dataset, never to the owner (the service refuses both).
        # A pending grant may name the address of an account (one not yet confirmed), so
        # a rule matching addresses instead of accepted recipients would show.
        addresses: list[tuple[str, int | None]] = [
            (email_of(p), p) for p in range(people) if p != spec.owner
        ]
        addresses.append(("nobody@lab.example", None))
        for address, holder in addresses:
            state = draw(st.sampled_from(["none", "accepted", "pending"]))
            if state == "none" or (state == "accepted" and holder is None):
                continue
            grants.append(
                GrantSpec(
                    dataset=index,
                    email=address,
                    recipient=holder if state == "accepted" else None,
                    granted_by=draw(person),
                    can_share=draw(st.booleans()),
                    can_modify=draw(st.booleans()),
                    ends=draw(st.sampled_from(sorted(ENDS))),
                )
            )
    links = tuple(
        draw(
            st.lists(
                st.builds(
                    LinkSpec,
                    dataset=st.integers(0, len(datasets) - 1),
                    expires_in=st.sampled_from([-3600, -1, 3600]),
                    revoked=st.booleans(),
                    anonymous=st.booleans(),
                    allow_download=st.booleans(),
                ),
                max_size=3,
            )
        )
        if datasets
        else []
    )
    teams = [
        TeamSpec(
            [
                (p, draw(st.booleans()))
                for p in range(people)
                if draw(st.sampled_from([True, True, False]))
            ]
        )
        for _ in range(draw(st.integers(0, 3)))
    ]
    team_grants = [
        TeamGrantSpec(
            dataset=index,
            team=team,
            granted_by=draw(person),
            can_share=draw(st.booleans()),
            can_modify=draw(st.booleans()),
            minute=draw(st.integers(0, 2)),
            ends=draw(st.sampled_from(sorted(ENDS))),
        )
        for index in range(len(datasets))
        for team in range(len(teams))
        if draw(st.booleans())
    ]
    return World(
        people,
        datasets,
        grants,
        draw(st.integers(1, 3)),
        links=links,
        teams=teams,
        team_grants=team_grants,
    )


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[None]:
    await database.open_database(
        load_settings(env_file=None, overrides={"DATABASE_URL": database_url})
    )
    yield
    await databases.empty_tables()
    await database.close_database()


@dataclass
class Built:
    user_ids: list[int]
    datasets: list[Dataset]
    grants: list[ShareGrant]
    memberships: list[TeamMember] = field(default_factory=list)


async def build(world: World) -> Built:
    await databases.empty_tables()
    users = [
        await User.create(
            email=email_of(p),
            display_name=f"Person {p}",
            password_hash="x",
            email_verified_at=EPOCH,
        )
        for p in range(world.people)
    ]
    datasets = [
        await Dataset.create(
            owner_id=users[spec.owner].id,
            name=f"Dataset {index}",
            kind=DatasetKind(spec.kind),
            is_public=spec.public,
            created_at=EPOCH + timedelta(minutes=spec.minute),
        )
        for index, spec in enumerate(world.datasets)
    ]
    for spec in world.grants:
        await ShareGrant.create(
            dataset_id=datasets[spec.dataset].id,
            recipient_email=spec.email,
            recipient_id=users[spec.recipient].id if spec.recipient is not None else None,
            granted_by_id=users[spec.granted_by].id,
            can_share=spec.can_share,
            can_modify=spec.can_modify,
            expires_at=ENDS[spec.ends](),
        )
    moment = datetime.now(UTC)
    for number, made in enumerate(world.links):
        await ShareLink.create(
            dataset_id=datasets[made.dataset].id,
            token_hash=hash_token(f"link-{number}"),
            expires_at=moment + timedelta(seconds=made.expires_in),
            revoked_at=moment if made.revoked else None,
            anonymous=made.anonymous,
            allow_download=made.allow_download,
            created_by_id=datasets[made.dataset].owner_id,
        )
    teams = [await Team.create(name=f"Team {index}") for index in range(len(world.teams))]
    for team, team_spec in zip(teams, world.teams, strict=True):
        for member, pending in team_spec.members:
            await TeamMember.create(
                team_id=team.id,
                email=email_of(member),
                user_id=None if pending else users[member].id,
            )
    for grant in world.team_grants:
        await ShareGrant.create(
            dataset_id=datasets[grant.dataset].id,
            recipient_email=team_key(teams[grant.team].id),
            team_id=teams[grant.team].id,
            granted_by_id=users[grant.granted_by].id,
            can_share=grant.can_share,
            can_modify=grant.can_modify,
            created_at=EPOCH + timedelta(minutes=grant.minute),
            expires_at=ENDS[grant.ends](),
        )
    # The facts are read back through the ORM, apart from the SQL under test.
    return Built(
        user_ids=[user.id for user in users],
        datasets=await Dataset.all(),
        grants=await ShareGrant.all(),
        memberships=await TeamMember.all(),
    )


def python_facts(built: Built, dataset: Dataset) -> DatasetFacts:
    return DatasetFacts(
        owner_id=dataset.owner_id,
        kind=str(dataset.kind),
        is_public=dataset.is_public,
        has_grants=any(
            grant.dataset_id == dataset.id and access.counts_toward_available(grant_facts(grant))
            for grant in built.grants
        ),
    )


def python_grant(built: Built, viewer_id: int | None, dataset: Dataset) -> GrantFacts | None:
    held = [
        grant
        for grant in built.grants
        if grant.dataset_id == dataset.id
        and viewer_id is not None
        and grant.recipient_id == viewer_id
    ]
    assert len(held) <= 1
    teams = {m.team_id for m in built.memberships if viewer_id and m.user_id == viewer_id}
    team_grants = [
        grant_facts(grant)
        for grant in built.grants
        if grant.dataset_id == dataset.id and grant.team_id in teams
    ]
    own = grant_facts(held[0]) if held else None
    return access.effective_grant(viewer_id, own, team_grants)


def check_card(built: Built, viewer_id: int | None, card: DatasetCard) -> None:
    """A card read by SQL carries what the rules give from the ORM's rows."""
    dataset = next(d for d in built.datasets if d.id == card.id)
    facts = python_facts(built, dataset)
    grant = python_grant(built, viewer_id, dataset)
    assert card.facts == facts
    # The card carries the viewer's grant while it gives something: an expired one is as if
    # absent (which the rules below agree with).
    live = grant if grant is not None and not access.grant_expired(grant) else None
    assert card.viewer_grant == live
    assert card.badges == access.badges(viewer_id, facts, grant)
    assert card.permissions == access.permissions(viewer_id, facts, grant)
    assert card.visibility == access.visibility(facts)


async def listed(
    viewer_id: int | None, scope: Scope, kind: str | None, page_size: int, most: int
) -> list[DatasetCard]:
    """Every card of a listing, page after page as a client follows the cursors."""
    cards: list[DatasetCard] = []
    after = None
    while True:
        page = await list_cards(viewer_id, scope, kind=kind, first=page_size, after=after)
        assert len(page.cards) <= page_size
        cards += page.cards
        assert len(cards) <= most, "a listing repeats itself"
        if not page.has_next:
            return cards
        after = decode_cursor(encode_cursor(page.cards[-1], scope), scope)


def database_examples(count: int) -> settings:
    """Hypothesis settings for a property test against the database: `count` random
    worlds, no deadline (a world is built in SQL), the fixture shared by them all."""
    return settings(
        max_examples=count,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


@database_examples(80)
@given(world=worlds())
async def test_the_sql_listing_lists_what_the_rules_allow(db: None, world: World) -> None:
    built = await build(world)
    for viewer_id in [None, *built.user_ids]:
        for scope in Scope:
            for kind in KINDS:
                expected = {
                    dataset.id
                    for dataset in built.datasets
                    if (kind is None or str(dataset.kind) == kind)
                    and access.in_scope(
                        scope,
                        viewer_id,
                        python_facts(built, dataset),
                        python_grant(built, viewer_id, dataset),
                    )
                }
                cards = await listed(viewer_id, scope, kind, world.page_size, len(built.datasets))
                ids = [card.id for card in cards]
                assert len(ids) == len(set(ids)), (viewer_id, scope, kind, ids)
                assert set(ids) == expected, (viewer_id, scope, kind)
                if scope is Scope.SHARED_WITH_ME:
                    order = [(card.shared_at, card.id) for card in cards]
                    assert order == sorted(order, reverse=True), (viewer_id, kind)
                for card in cards:
                    check_card(built, viewer_id, card)


@database_examples(40)
@given(world=worlds())
async def test_one_dataset_is_found_exactly_when_the_rules_let_the_viewer_see_it(
    db: None, world: World
) -> None:
    built = await build(world)
    missing = max((dataset.id for dataset in built.datasets), default=0) + 1
    for viewer_id in [None, *built.user_ids]:
        assert await find_card(viewer_id, missing) is None
        for dataset in built.datasets:
            visible = access.can_view(
                viewer_id, python_facts(built, dataset), python_grant(built, viewer_id, dataset)
            )
            card = await find_card(viewer_id, dataset.id)
            assert (card is not None) is visible, (viewer_id, dataset.id)
            if card is not None:
                check_card(built, viewer_id, card)
            try:
                viewed = await find_visible(viewer_id, dataset.id)
            except NotFound:
                assert not visible, (viewer_id, dataset.id)
            else:
                assert visible, (viewer_id, dataset.id)
                assert viewed.facts == python_facts(built, dataset)
                assert viewed.viewer_grant_facts == python_grant(built, viewer_id, dataset)


@database_examples(30)
@given(world=worlds())
async def test_a_link_answers_exactly_while_the_rules_call_it_active(
    db: None, world: World
) -> None:
    built = await build(world)
    at = datetime.now(UTC)
    rows = await ShareLink.all()
    active = {link.id for link in await ShareLink.filter(**access.active_link_filter(at))}
    assert active == {link.id for link in rows if access.link_active(link_facts(link), at)}
    for number, row in enumerate(await ShareLink.all().order_by("id")):
        found = await dataset_by_link(f"link-{number}")
        facts = link_facts(row)
        assert (found is not None) is access.link_active(facts, datetime.now(UTC))
        if found is None:
            continue
        _, card = found
        dataset = next(d for d in built.datasets if d.id == row.dataset_id)
        assert card.facts == python_facts(built, dataset)
        assert card.permissions == access.link_permissions(facts)
        assert card.badges == access.link_badges(card.facts)
        assert (card.viewer_grant, card.own_grant) == (None, None)


@database_examples(30)
@given(world=worlds())
async def test_an_upload_is_leased_exactly_when_the_rules_let_the_viewer_upload(
    db: None, database_url: str, world: World
) -> None:
    """`resumable.take` leases an upload with `access.may_upload_sql` in its statement: it
    agrees with `access.may_upload` for every viewer and dataset, and never leases an upload
    under another dataset's id."""
    built = await build(world)
    configured = load_settings(env_file=None, overrides={"DATABASE_URL": database_url})
    for dataset in built.datasets:
        await ResumableUpload.create(
            token=f"upload-{dataset.id}",
            dataset_id=dataset.id,
            file_name="run.ibd",
            content_type="application/octet-stream",
            length=10,
            storage_key=f"key-{dataset.id}",
            expires_at=datetime.now(UTC) + timedelta(hours=1),
        )
    for viewer_id in [None, *built.user_ids]:
        for dataset in built.datasets:
            allowed = access.may_upload(
                viewer_id, python_facts(built, dataset), python_grant(built, viewer_id, dataset)
            )
            token = f"upload-{dataset.id}"
            taken = await resumable.take(viewer_id, dataset.id, token, 0, "held", configured)
            assert (taken is not None) is allowed, (viewer_id, dataset.id)
            if taken is not None:
                assert (taken.token, taken.lease) == (token, "held")
                await ResumableUpload.filter(id=taken.id).update(lease=None, leased_until=None)
            for other in built.datasets:
                if other.id != dataset.id:
                    assert (
                        await resumable.take(viewer_id, other.id, token, 0, "x", configured) is None
                    )
