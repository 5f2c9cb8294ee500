"""An endpoint's unexpected error: a 500 carrying an id the log has too, nothing more."""

from __future__ import annotations

import logging

import pytest

from tests.conftest import Service, ServiceFactory
from tests.story import Person, create_dataset, signed_up

APP = "https://app.example"


async def a_file_that_vanished(service: Service) -> tuple[Person, str]:
    """Alice's dataset whose stored file vanished behind the service's back (a storage
    failure): downloading it fails unexpectedly."""
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Kidney", "IMAGE")
    put = await service.client.put(
        f"/uploads/datasets/{image}", content=b"pixels", headers=alice.headers
    )
    assert put.status_code == 201
    for stored in service.settings.uploads_dir.rglob("*"):
        if stored.is_file():
            stored.unlink()
    return alice, image


async def test_a_file_endpoint_failure_is_a_500_with_an_error_id_logged_once(
    start_service: ServiceFactory, caplog: pytest.LogCaptureFixture
) -> None:
    service = await start_service(CORS_ORIGINS=APP)
    alice, image = await a_file_that_vanished(service)
    caplog.set_level(logging.INFO)

    response = await service.client.get(
        f"/files/datasets/{image}", headers={**alice.headers, "Origin": APP}
    )

    assert response.status_code == 500
    error = response.json()["error"]
    assert error["code"] == "INTERNAL_SERVER_ERROR"
    assert error["message"] == "Internal server error"
    assert "missing" not in response.text and "Traceback" not in response.text
    # The web app that asked may read the id to report it.
    assert response.headers["access-control-allow-origin"] == APP
    logged = [r for r in caplog.records if error["errorId"] in r.getMessage()]
    assert len(logged) == 1 and logged[0].exc_info
