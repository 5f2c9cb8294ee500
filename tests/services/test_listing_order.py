"""Listings in each scope's order, read whole or page by page (SPEC section 9).

Other scopes list the newest dataset first; SHARED_WITH_ME lists the newest share first.
A page merges what the viewer owns, what was shared with them and what is public, so
paging one card at a time must give the same list as one large page, with no card twice.
"""

from __future__ import annotations

from typing import Any

from tests.conftest import Service
from tests.story import Person, create_dataset, gql, set_public, share, signed_up

PAGE = """query($scope: DatasetScope, $first: Int, $after: String) {
  datasets(scope: $scope, first: $first, after: $after) {
    edges { cursor node { name } } pageInfo { hasNextPage endCursor } } }"""


async def _page(service: Service, person: Person, scope: str, first: int, after: Any) -> Any:
    variables = {"scope": scope, "first": first, "after": after}
    body = await gql(service, PAGE, variables, token=person.token)
    return body["data"]["datasets"]


async def _names(service: Service, person: Person, scope: str, first: int = 100) -> list[str]:
    """Every card of the scope, read `first` at a time from cursor to cursor."""
    names: list[str] = []
    after = None
    while True:
        page = await _page(service, person, scope, first, after)
        names += [edge["node"]["name"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return names
        after = page["pageInfo"]["endCursor"]


async def test_each_scope_in_its_order_whole_or_page_by_page(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    bob = await signed_up(service, "bob@lab.example")
    carol = await signed_up(service, "carol@lab.example")
    ids: dict[str, str] = {}
    for owner, name in (
        (alice, "a1"),
        (alice, "a2"),
        (bob, "b1"),
        (alice, "a3"),
        (carol, "c1"),
        (bob, "b2"),
    ):
        ids[name] = await create_dataset(service, owner, name, "IMAGE")
    # Shared with Bob in another order than they were made.
    for name in ("a3", "a1", "a2"):
        assert (await share(service, alice, ids[name], ["bob@lab.example"], notify=False))[
            "errors"
        ] == []
    for owner, name in ((alice, "a1"), (carol, "c1"), (bob, "b1")):
        await set_public(service, owner, ids[name], True)

    expected = {
        "SHARED_WITH_ME": ["a2", "a1", "a3"],
        "MINE": ["b2", "a3", "b1", "a2", "a1"],
        "OWNED": ["b2", "b1"],
        "PUBLIC": ["c1", "b1", "a1"],
        "ALL": ["b2", "c1", "a3", "b1", "a2", "a1"],
    }
    for scope, names in expected.items():
        for first in (100, 2, 1):
            assert await _names(service, bob, scope, first) == names, (scope, first)
