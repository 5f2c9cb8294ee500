"""Each request's id (`X-Request-Id`, the `errorId` of an unexpected error, on its log
lines), its access line, and `LOG_FORMAT=json`: one JSON object per line."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import os
import re
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest

from models import LoginFailure
from services.clock import now
from services.housekeeping import registered_jobs
from services.housekeeping.schedule import run_job
from services.logs import JsonFormatter, TextFormatter
from services.settings import load_settings
from tests.conftest import Service, ServiceFactory
from tests.net import free_port
from tests.web.test_unexpected_errors import a_file_that_vanished

ROOT = Path(__file__).resolve().parents[2]
REQUEST_ID = re.compile(r"^[0-9a-f]{32}$")


@pytest.fixture
def log_lines(caplog: pytest.LogCaptureFixture) -> Iterator[io.StringIO]:
    """Every record of the process at INFO and above, as `LOG_FORMAT=json` writes it."""
    caplog.set_level(logging.INFO)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logging.getLogger().addHandler(handler)
    yield stream
    logging.getLogger().removeHandler(handler)


def json_lines(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


async def test_every_answer_carries_its_own_request_id(service: Service) -> None:
    answers = [await service.client.get("/healthz") for _ in range(3)]
    answers.append(await service.client.post("/graphql", content=b"{not json"))
    ids = [answer.headers["x-request-id"] for answer in answers]
    assert all(REQUEST_ID.match(request_id) for request_id in ids)
    assert len(set(ids)) == 4


async def test_a_graphql_request_logs_one_access_line_with_its_operation(
    service: Service, log_lines: io.StringIO
) -> None:
    response = await service.client.post(
        "/graphql", json={"query": "query Viewer { me { email } }"}
    )

    request_id = response.headers["x-request-id"]
    access = [line for line in json_lines(log_lines) if line["logger"] == "datashare.access"]
    assert len(access) == 1
    line = access[0]
    assert line["request_id"] == request_id
    assert (line["method"], line["path"], line["status"]) == ("POST", "/graphql", 200)
    assert (line["operation"], line["outcome"]) == ("Viewer", "ok")
    assert isinstance(line["duration_ms"], float) and line["duration_ms"] >= 0
    assert line["level"] == "INFO" and line["message"].startswith("POST /graphql 200 ")


async def test_an_unexpected_error_reports_the_request_id_its_log_lines_carry(
    start_service: ServiceFactory, log_lines: io.StringIO
) -> None:
    service = await start_service()
    alice, image = await a_file_that_vanished(service)

    response = await service.client.get(f"/files/datasets/{image}", headers=alice.headers)

    assert response.status_code == 500
    request_id = response.headers["x-request-id"]
    assert response.json()["error"]["errorId"] == request_id
    mine = [line for line in json_lines(log_lines) if line.get("request_id") == request_id]
    assert [line["logger"] for line in mine] == ["datashare.http", "datashare.access"]
    assert "Traceback" in mine[0]["exception"] and mine[0]["level"] == "ERROR"
    assert mine[1]["status"] == 500


async def test_each_housekeeping_job_logs_one_line_with_what_it_removed(
    start_service: ServiceFactory, log_lines: io.StringIO
) -> None:
    service = await start_service(EMAIL_WORKER="off")
    old = await LoginFailure.create(email="someone@example.org")
    await LoginFailure.filter(id=old.id).update(created_at=now() - timedelta(hours=1))
    await LoginFailure.create(email="someone@example.org")
    job = next(job for job in registered_jobs() if job.name == "old login failures")

    await run_job(job, service.settings)

    lines = [line for line in json_lines(log_lines) if line["logger"] == "datashare.housekeeping"]
    assert len(lines) == 1
    assert lines[0]["job"] == "old login failures"
    assert (lines[0]["removed"], lines[0]["batches"], lines[0]["failed"]) == (1, 1, False)
    assert "request_id" not in lines[0]


def test_text_lines_carry_the_request_id_only_within_a_request() -> None:
    from services import request_context

    record = logging.LogRecord("datashare.x", logging.INFO, __file__, 1, "hello", None, None)
    assert TextFormatter().format(record).endswith("INFO datashare.x: hello")
    _, token = request_context.begin()
    try:
        request_id = request_context.current_id()
        assert TextFormatter().format(record).endswith(f"hello [request {request_id}]")
    finally:
        request_context.end(token)


def test_log_format_is_text_or_json() -> None:
    assert load_settings(env_file=None).log_format == "text"
    assert load_settings(env_file=None, overrides={"LOG_FORMAT": "JSON"}).log_format == "json"
    with pytest.raises(ValueError, match="LOG_FORMAT"):
        load_settings(env_file=None, overrides={"LOG_FORMAT": "xml"})


async def test_serve_with_json_logs_writes_nothing_but_json_lines(
    database_url: str, tmp_path: Path
) -> None:
    """The server's own lines too (uvicorn's start and stop): every line is an object."""
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DATA_DIR": str(tmp_path / "data"),
        "PORT": str(port),
        "LOG_FORMAT": "json",
        "EMAIL_WORKER": "off",
    }
    log = tmp_path / "serve.log"
    with log.open("wb") as output:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "main.py", "serve", cwd=ROOT, env=env, stdout=output, stderr=output
        )
        try:
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
                deadline = asyncio.get_running_loop().time() + 30
                while True:
                    try:
                        health = await client.get("/healthz")
                        break
                    except httpx.ConnectError:
                        assert asyncio.get_running_loop().time() < deadline, log.read_text()
                        await asyncio.sleep(0.05)
        finally:
            process.terminate()
            await asyncio.wait_for(process.wait(), 30)

    lines = [json.loads(line) for line in log.read_text().splitlines()]
    assert {"uvicorn.error", "datashare.access"} <= {line["logger"] for line in lines}
    access = next(line for line in lines if line["logger"] == "datashare.access")
    assert access["path"] == "/healthz" and access["request_id"] == health.headers["x-request-id"]
