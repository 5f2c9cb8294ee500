"""A share racing the confirmation of its address never leaves the grant pending.

Sharing reads which addresses have confirmed accounts and then writes pending grants;
confirming an address accepts the pending grants it can see. Unless the two serialise on
the address, a grant written while the confirmation commits stays pending for ever.
"""

from __future__ import annotations

import asyncio

from models import ShareGrant
from tests.conftest import Service
from tests.story import VERIFY, confirmation_token, create_dataset, gql, share, sign_up, signed_up

ROUNDS = 30
SHARES = 6
SHARED_WITH_ME = "{ datasets(scope: SHARED_WITH_ME, first: 100) { edges { node { id } } } }"


async def test_shares_racing_a_confirmation_are_all_accepted(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    datasets = [await create_dataset(service, alice, f"run {n}", "MSI") for n in range(SHARES)]
    for round_ in range(ROUNDS):
        address = f"r{round_}@x.example"
        assert (await sign_up(service, address))["errors"] == []
        token = await confirmation_token(service, address)
        half = SHARES // 2
        results = await asyncio.gather(
            *(share(service, alice, d, [address], notify=False) for d in datasets[:half]),
            gql(service, VERIFY, {"i": {"token": token}}),
            *(share(service, alice, d, [address], notify=False) for d in datasets[half:]),
        )
        verified = results[half]["data"]["verifyEmail"]
        assert verified["errors"] == []
        assert all(r["errors"] == [] for n, r in enumerate(results) if n != half)

        pending = await ShareGrant.filter(recipient_email=address, recipient_id=None).count()
        assert pending == 0, f"round {round_}: {pending} grants left pending"
        listed = await gql(service, SHARED_WITH_ME, token=verified["token"])
        assert {e["node"]["id"] for e in listed["data"]["datasets"]["edges"]} == set(datasets)
