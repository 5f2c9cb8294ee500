"""The service answers health checks when its database answers, and only then."""

from services import database
from tests.conftest import Service


async def test_healthz_answers_ok_when_the_database_answers(service: Service) -> None:
    response = await service.client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_healthz_answers_503_while_the_database_does_not(service: Service) -> None:
    # Given the database connections are gone (a database restart, a network cut)
    await database.close_database()
    try:
        # Then the service says it is unavailable, without details
        response = await service.client.get("/healthz")
        assert response.status_code == 503
        assert response.json() == {"status": "unavailable"}
    finally:
        await database.open_database(service.settings)
    # And it answers again once the database is back
    response = await service.client.get("/healthz")
    assert response.status_code == 200


async def test_the_connections_close_when_their_last_user_lets_go(service: Service) -> None:
    """Several apps may share a process (the tests run several servers): one stopping
    leaves the others' database open."""
    await database.open_database(service.settings)  # another app of this process
    await database.close_database()  # which stops
    assert (await service.client.get("/healthz")).status_code == 200
    await database.close_database()  # the last user lets go
    try:
        assert (await service.client.get("/healthz")).status_code == 503
    finally:
        await database.open_database(service.settings)


async def test_graphql_answers_me_as_null_for_anonymous(service: Service) -> None:
    response = await service.client.post("/graphql", json={"query": "{ me { id } }"})
    assert response.status_code == 200
    assert response.json() == {"data": {"me": None}}
