"""`GET /metrics`: Prometheus' text format, parsed by prometheus-client's own parser, with
the counters moving as requests are made; behind `METRICS_TOKEN` when it is set."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from prometheus_client.parser import text_string_to_metric_families

from models import OutboxMessage
from services.clock import now
from tests.conftest import Service, ServiceFactory
from tests.story import create_dataset, sign_up, signed_up

ROOT = Path(__file__).resolve().parents[2]
Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


def parsed(text: str) -> Samples:
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


async def scrape(service: Service, token: str | None = None) -> Samples:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = await service.client.get("/metrics", headers=headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    return parsed(response.text)


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


def moved(before: Samples, after: Samples, name: str, **labels: str) -> float:
    return value(after, name, **labels) - value(before, name, **labels)


async def test_requests_files_and_operations_move_their_counters(service: Service) -> None:
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Kidney", "IMAGE")
    before = await scrape(service)

    named = await service.client.post(
        "/graphql", json={"query": "query WhoAmI { me { email } }"}, headers=alice.headers
    )
    failing = await service.client.post(
        "/graphql", json={"query": "query Broken { nothingHere }"}, headers=alice.headers
    )
    refused = await service.client.post(
        "/graphql", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    put = await service.client.put(
        f"/uploads/datasets/{image}", content=b"x" * 1000, headers=alice.headers
    )
    got = await service.client.get(
        f"/files/datasets/{image}", headers={**alice.headers, "Range": "bytes=0-99"}
    )
    after = await scrape(service)

    assert [named.status_code, failing.status_code, refused.status_code] == [200, 200, 400]
    assert (put.status_code, got.status_code) == (201, 206)
    graphql = "datashare_graphql_requests_total"
    assert moved(before, after, graphql, operation="WhoAmI", outcome="ok", status="200") == 1
    assert moved(before, after, graphql, operation="Broken", outcome="errors", status="200") == 1
    assert moved(before, after, graphql, operation="-", outcome="none", status="400") == 1
    requests = "datashare_http_requests_total"
    assert moved(before, after, requests, endpoint="/graphql", method="POST", status="200") == 2
    assert moved(before, after, requests, endpoint="/uploads", method="PUT", status="201") == 1
    assert moved(before, after, requests, endpoint="/files", method="GET", status="206") == 1
    assert moved(before, after, "datashare_file_bytes_total", direction="in") == 1000
    assert moved(before, after, "datashare_file_bytes_total", direction="out") == 100
    latency = "datashare_http_request_duration_seconds"
    assert moved(before, after, f"{latency}_count", endpoint="/graphql", operation="WhoAmI") == 1
    assert (
        moved(before, after, f"{latency}_bucket", endpoint="/files", operation="", le="+Inf") == 1
    )
    assert value(after, "datashare_uploads_in_progress") == 0
    assert ("datashare_subscriptions_active", frozenset()) in after


async def test_the_outbox_depth_and_the_age_of_its_oldest_due_email(
    start_service: ServiceFactory,
) -> None:
    service = await start_service(EMAIL_WORKER="off")
    empty = await scrape(service)
    assert value(empty, "datashare_outbox_depth") == 0
    assert value(empty, "datashare_outbox_oldest_due_age_seconds") == 0

    await sign_up(service, "bob@lab.example")
    await sign_up(service, "carol@lab.example")
    await OutboxMessage.filter(to_address="bob@lab.example").update(
        created_at=now() - timedelta(hours=2)
    )
    samples = await scrape(service)

    assert value(samples, "datashare_outbox_depth") == 2
    assert 7200 <= value(samples, "datashare_outbox_oldest_due_age_seconds") < 7200 + 600


async def test_metrics_token_guards_the_metrics_when_set(start_service: ServiceFactory) -> None:
    service = await start_service(METRICS_TOKEN="s3cret-scrape-token")

    missing = await service.client.get("/metrics")
    wrong = await service.client.get("/metrics", headers={"Authorization": "Bearer nope"})

    for response in (missing, wrong):
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == "Bearer"
        assert response.json()["error"]["code"] == "UNAUTHENTICATED"
    samples = await scrape(service, "s3cret-scrape-token")
    assert value(samples, "datashare_outbox_depth") == 0


async def test_without_a_token_the_metrics_are_open(service: Service) -> None:
    assert "datashare_outbox_depth" in {name for name, _ in await scrape(service)}


COUNT_ONE_UPLOAD = """
from services.metrics import FILE_BYTES, UPLOADS_IN_PROGRESS, process_ended
FILE_BYTES.labels(direction="in").inc(5)
UPLOADS_IN_PROGRESS.inc()
if {ended}:
    process_ended()
"""
EXPOSE = "import sys; from web.metrics import exposition; sys.stdout.write(exposition([]).decode())"


def run_python(code: str, folder: Path) -> str:
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(folder)},
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def test_with_a_multiprocess_folder_every_process_is_counted(tmp_path: Path) -> None:
    """Three processes sharing `PROMETHEUS_MULTIPROC_DIR`: any one answers for all of them;
    a process that has ended no longer counts in the live gauges."""
    run_python(COUNT_ONE_UPLOAD.format(ended=False), tmp_path)
    run_python(COUNT_ONE_UPLOAD.format(ended=False), tmp_path)
    run_python(COUNT_ONE_UPLOAD.format(ended=True), tmp_path)

    samples = parsed(run_python(EXPOSE, tmp_path))

    assert value(samples, "datashare_file_bytes_total", direction="in") == 15
    assert value(samples, "datashare_uploads_in_progress") == 2
