"""The service answers health checks when its database answers."""

from tests.conftest import Service


async def test_healthz_answers_ok_when_the_database_answers(service: Service) -> None:
    response = await service.client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_graphql_answers_me_as_null_for_anonymous(service: Service) -> None:
    response = await service.client.post("/graphql", json={"query": "{ me { id } }"})
    assert response.status_code == 200
    assert response.json() == {"data": {"me": None}}
