"""Pages cost a constant number of SQL statements, however many rows they show."""

from __future__ import annotations

from models import Annotation, ShareGrant, User
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
