"""A request's statements on one pooled connection, taken once, never reset in between
(PostgreSQL: SQLite has one connection anyway)."""

from __future__ import annotations

import asyncio

import pytest
from tortoise import connections
from tortoise.transactions import in_transaction

from models import User
from services import database
from tests import databases
from tests.conftest import Service, ServiceFactory
from tests.sql_counter import DriverCalls, record_driver_calls
from tests.story import create_dataset, gql, share, signed_up

pytestmark = pytest.mark.skipif(
    databases.backend() != "postgres", reason="the connection pool is PostgreSQL's"
)

# What asyncpg sends to reset a connection it takes back (`Connection.get_reset_query`),
# and the rollback of a transaction left open.
RESETS = ("pg_advisory_unlock_all", "RESET ALL", "UNLISTEN", "CLOSE ALL", "ROLLBACK")

# Two listings and the viewer at once: graphql-core resolves the root fields of a query
# concurrently, so the request's tasks take turns on its connection.
PAGE = """query { mine: datasets(scope: MINE, first: 20) { edges { node { id name badges
    owner { email } viewerPermissions { canShare canModify } } } }
  shared: datasets(scope: SHARED_WITH_ME, first: 20) { edges { node { id name sharedAt } } }
  me { email } }"""


def resets(calls: DriverCalls) -> list[str]:
    return [text for text in calls.texts() if any(reset in text for reset in RESETS)]


def user(n: int) -> User:
    return User(email=f"u{n}@lab.example", display_name=f"u{n}", password_hash="x")


async def test_a_page_runs_on_one_connection_with_the_same_statements(
    service: Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    alice = await signed_up(service, "alice@lab.example")
    bob = await signed_up(service, "bob@lab.example")
    for name in ("Kidney", "Liver"):
        await create_dataset(service, alice, name, "IMAGE")
    shared = await create_dataset(service, bob, "Lung", "MSI")
    await share(service, bob, shared, [alice.email])
    await gql(service, PAGE, token=alice.token)

    with record_driver_calls() as pinned:
        body = await gql(service, PAGE, token=alice.token)
    assert [e["node"]["name"] for e in body["data"]["mine"]["edges"]] == ["Lung", "Liver", "Kidney"]
    assert [e["node"]["name"] for e in body["data"]["shared"]["edges"]] == ["Lung"]
    assert len(pinned.statements) >= 3
    assert (pinned.acquired, pinned.released) == (1, 1)
    assert len(pinned.connections()) == 1
    assert resets(pinned) == []

    # The same page with a connection taken for each statement, as outside a request.
    monkeypatch.setattr(database, "_held", lambda: None)
    with record_driver_calls() as per_statement:
        again = await gql(service, PAGE, token=alice.token)
    assert again == body
    # The root fields run concurrently: their statements may interleave in another order.
    assert sorted(per_statement.texts()) == sorted(pinned.texts())
    assert per_statement.acquired == len(per_statement.statements)


async def test_a_mutation_commits_on_the_request_connection(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    bob = await signed_up(service, "bob@lab.example")
    dataset = await create_dataset(service, alice, "Kidney", "IMAGE")

    with record_driver_calls() as calls:
        shared = await share(service, alice, dataset, [bob.email, "carol@lab.example"])
    assert shared["errors"] == []
    assert (calls.acquired, calls.released) == (1, 1)
    assert len(calls.connections()) == 1
    texts = [text.strip().rstrip(";").upper() for text in calls.texts()]
    assert texts.count("BEGIN") == 1
    assert texts.count("COMMIT") == 1
    assert resets(calls) == []

    body = await gql(service, PAGE, token=bob.token)
    assert [e["node"]["name"] for e in body["data"]["shared"]["edges"]] == ["Kidney"]


async def test_tasks_of_one_request_take_turns_on_its_connection(service: Service) -> None:
    await User.bulk_create([user(n) for n in range(5)])
    with record_driver_calls() as calls:
        async with database.one_connection():
            counts = await asyncio.gather(
                *(User.filter(email=f"u{n}@lab.example").count() for n in range(5))
            )
    assert counts == [1] * 5
    assert (calls.acquired, calls.released) == (1, 1)
    assert len(calls.connections()) == 1


async def test_a_failed_transaction_rolls_back_and_the_request_goes_on(service: Service) -> None:
    with record_driver_calls() as calls:
        async with database.one_connection():
            with pytest.raises(RuntimeError):
                async with in_transaction() as conn:
                    await user(1).save(using_db=conn)
                    raise RuntimeError("validation failed after a write")
            async with in_transaction() as conn:
                await user(2).save(using_db=conn)
            emails = await User.filter(email__startswith="u").values_list("email", flat=True)
    assert emails == ["u2@lab.example"]
    assert (calls.acquired, calls.released) == (1, 1)
    assert len(calls.connections()) == 1


async def test_a_statement_beside_the_request_transaction_takes_the_pool(
    service: Service,
) -> None:
    """Inside its own transaction, a task that bypasses it (the process's client, not the
    transaction's) cannot wait for itself: its statement takes a pooled connection."""
    client = connections.get("default")
    with record_driver_calls() as calls:
        async with database.one_connection():
            async with in_transaction() as conn:
                await user(1).save(using_db=conn)
                outside = await client.execute_query_dict("SELECT count(*) AS n FROM users")
                # A task it starts, too (`wait_for` runs the statement in one).
                beside = await asyncio.wait_for(
                    client.execute_query_dict("SELECT count(*) AS n FROM users"), 5
                )
    assert outside == beside == [{"n": 0}]
    assert calls.acquired == 3
    assert len(calls.connections()) >= 2


async def test_after_the_request_its_tasks_use_the_pool(service: Service) -> None:
    await User.bulk_create([user(1)])
    with record_driver_calls() as calls:
        async with database.one_connection() as held:
            assert await User.filter(email="u1@lab.example").count() == 1
            await held.release()
            assert await User.filter(email="u1@lab.example").count() == 1
            assert await User.filter(email="u1@lab.example").count() == 1
    assert (calls.acquired, calls.released) == (3, 3)
    assert resets(calls) == []


async def test_outside_a_request_each_statement_takes_the_pool(service: Service) -> None:
    await User.bulk_create([user(1)])
    with record_driver_calls() as calls:
        for _ in range(3):
            assert await User.filter(email="u1@lab.example").count() == 1
    assert (calls.acquired, calls.released) == (3, 3)
    assert resets(calls) == []


async def test_a_cancelled_request_returns_its_connection(
    start_service: ServiceFactory,
) -> None:
    # No worker, whose statements would borrow connections while the pool is watched.
    await start_service(EMAIL_WORKER="off")
    pool = connections.get("default")._pool
    assert pool is not None
    in_use = pool.get_size() - pool.get_idle_size()
    queried, never = asyncio.Event(), asyncio.Event()

    async def request() -> None:
        async with database.one_connection():
            await User.all().count()
            queried.set()
            await never.wait()

    task = asyncio.create_task(request())
    await asyncio.wait_for(queried.wait(), 5)
    assert pool.get_size() - pool.get_idle_size() == in_use + 1
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    deadline = asyncio.get_running_loop().time() + 5
    while pool.get_size() - pool.get_idle_size() != in_use:
        assert asyncio.get_running_loop().time() < deadline, "the connection was not returned"
        await asyncio.sleep(0.01)


async def test_the_pool_is_sized_by_the_settings(start_service: ServiceFactory) -> None:
    await start_service(DATABASE_POOL_SIZE="3", DATABASE_POOL_MIN="1")
    pool = connections.get("default")._pool
    assert pool is not None
    assert (pool.get_min_size(), pool.get_max_size()) == (1, 3)
