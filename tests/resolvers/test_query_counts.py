"""Pages cost a constant number of SQL statements, however many rows they show."""

from __future__ import annotations

from models import Annotation, Dataset, DatasetKind, ShareGrant, Team, TeamMember, User
from models.sharing import team_key
from services.ids import decode_pk
from tests.conftest import Service
from tests.sql_counter import count_statements
from tests.story import ACCESS, Person, create_dataset, gql, signed_up

ANNOTATIONS = """query($id: ID!, $first: Int) { dataset(id: $id) {
  annotations(first: $first) { edges { node { id label geometry viewerCanEdit
    author { id displayName email } } } } } }"""


async def _statements(service: Service, person: Person, query: str, variables: dict) -> int:
    with count_statements() as statements:
        await gql(service, query, variables, token=person.token)
    return len(statements)


async def _grants(dataset_pk: int, owner: User, count: int, start: int) -> None:
    """Grants to confirmed accounts, made directly: the listing is what is measured."""
    users = [
        User(email=f"r{i}@lab.example", display_name=f"r{i}", password_hash="x")
        for i in range(start, start + count)
    ]
    await User.bulk_create(users)
    created = await User.filter(email__in=[u.email for u in users])
    await ShareGrant.bulk_create(
        [
            ShareGrant(
                dataset_id=dataset_pk,
                recipient_email=user.email,
                recipient_id=user.id,
                granted_by_id=owner.id,
            )
            for user in created
        ]
    )


async def test_the_access_list_costs_the_same_for_5_and_200_grants(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    owner = await User.get(email="alice@lab.example")
    small = await create_dataset(service, alice, "Small", "IMAGE")
    large = await create_dataset(service, alice, "Large", "IMAGE")
    await _grants(decode_pk(small, "Dataset") or 0, owner, 5, 0)
    await _grants(decode_pk(large, "Dataset") or 0, owner, 200, 5)
    query = f"query($id: ID!) {{ dataset(id: $id) {{ access {{ {ACCESS} }} }} }}"
    few = await _statements(service, alice, query, {"id": small})
    many = await _statements(service, alice, query, {"id": large})
    assert few == many
    assert many <= 10


async def test_an_annotation_page_costs_the_same_for_5_and_50(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Kidney", "IMAGE")
    dataset_pk = decode_pk(image, "Dataset") or 0
    authors = [
        User(email=f"a{i}@lab.example", display_name=f"a{i}", password_hash="x") for i in range(50)
    ]
    await User.bulk_create(authors)
    ids = await User.filter(email__startswith="a").values_list("id", flat=True)
    await Annotation.bulk_create(
        [
            Annotation(
                dataset_id=dataset_pk,
                author_id=author_id,
                label=f"mark {n}",
                color="#ffcc00",
                geometry={"type": "Point", "coordinates": [n, n]},
            )
            for n, author_id in enumerate(ids)
        ]
    )
    few = await _statements(service, alice, ANNOTATIONS, {"id": image, "first": 5})
    many = await _statements(service, alice, ANNOTATIONS, {"id": image, "first": 50})
    assert few == many


LISTING = """query($scope: DatasetScope) { datasets(scope: $scope, first: 20) {
  edges { node { id name badges sharedAt viewerPermissions { canShare canModify } } }
  pageInfo { hasNextPage endCursor } } }"""


async def test_a_member_of_20_teams_lists_in_as_many_statements_as_anyone(
    service: Service,
) -> None:
    """Team grants on 1,000 datasets through 20 teams: a page is still one listing
    statement, like the page of a person in no team (SPEC section 14)."""
    alice, bob, carol = [
        await signed_up(service, f"{name}@lab.example") for name in ("alice", "bob", "carol")
    ]
    owner = await User.get(email=alice.email)
    member = await User.get(email=bob.email)
    loner = await User.get(email=carol.email)
    await Dataset.bulk_create(
        [Dataset(owner_id=owner.id, name=f"Run {n}", kind=DatasetKind.MSI) for n in range(1000)]
    )
    datasets = await Dataset.filter(owner_id=owner.id).values_list("id", flat=True)
    teams = [await Team.create(name=f"Team {n}") for n in range(20)]
    await TeamMember.bulk_create(
        [TeamMember(team_id=team.id, email=bob.email, user_id=member.id) for team in teams]
    )
    await ShareGrant.bulk_create(
        [
            ShareGrant(
                dataset_id=pk,
                recipient_email=team_key(teams[n % 20].id),
                team_id=teams[n % 20].id,
                granted_by_id=owner.id,
            )
            for n, pk in enumerate(datasets)
        ]
    )
    await ShareGrant.bulk_create(
        [
            ShareGrant(
                dataset_id=pk,
                recipient_email=carol.email,
                recipient_id=loner.id,
                granted_by_id=owner.id,
            )
            for pk in datasets[:40]
        ]
    )
    for scope in ("MINE", "SHARED_WITH_ME", "ALL"):
        in_teams = await _statements(service, bob, LISTING, {"scope": scope})
        in_none = await _statements(service, carol, LISTING, {"scope": scope})
        assert in_teams == in_none, scope
    body = await gql(service, LISTING, {"scope": "SHARED_WITH_ME"}, token=bob.token)
    assert len(body["data"]["datasets"]["edges"]) == 20
