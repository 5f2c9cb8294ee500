"""`GET /metrics`: Prometheus' text format, behind `METRICS_TOKEN` when it is set.

Without `PROMETHEUS_MULTIPROC_DIR` the answer is this process's metrics; with it, those of
every process writing to that folder, summed (`services.metrics`). Readings of the
database are taken at each scrape, whichever process answers.
"""

from __future__ import annotations

import hmac
import logging
import os
from collections.abc import Iterable, Iterator

from prometheus_client import REGISTRY, CollectorRegistry, generate_latest, multiprocess
from prometheus_client.metrics_core import Metric
from prometheus_client.registry import Collector
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from services.errors import ErrorCode
from services.metrics import SCRAPE_READINGS
from web.state import state_of

log = logging.getLogger("datashare.metrics")

MULTIPROCESS_DIR = "PROMETHEUS_MULTIPROC_DIR"
# What `generate_latest` writes: Prometheus' classic text format, which every Prometheus
# reads (prometheus-client's own `CONTENT_TYPE_LATEST` names a newer one in recent versions).
TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8"


class _Forwarded(Collector):
    def __init__(self, source: CollectorRegistry) -> None:
        self.source = source

    def collect(self) -> Iterable[Metric]:
        return self.source.collect()


class _Taken(Collector):
    def __init__(self, families: list[Metric]) -> None:
        self.families = families

    def collect(self) -> Iterator[Metric]:
        yield from self.families


def _authorized(request: Request, token: str) -> bool:
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip(), token)


async def _readings() -> list[Metric]:
    families: list[Metric] = []
    for reading in SCRAPE_READINGS:
        try:
            families.extend(await reading())
        except Exception:
            # The process's own metrics still answer; the log says what is missing.
            log.exception("metrics: a reading of the database failed")
    return families


def exposition(families: list[Metric]) -> bytes:
    registry = CollectorRegistry()
    if os.environ.get(MULTIPROCESS_DIR):
        multiprocess.MultiProcessCollector(registry)
    else:
        registry.register(_Forwarded(REGISTRY))
    registry.register(_Taken(families))
    return generate_latest(registry)


async def metrics(request: Request) -> Response:
    token = state_of(request).settings.metrics_token
    if token and not _authorized(request, token):
        return JSONResponse(
            {
                "error": {
                    "code": ErrorCode.UNAUTHENTICATED.value,
                    "message": "Send the metrics token as Authorization: Bearer <token>.",
                }
            },
            status_code=401,
            headers={"WWW-Authenticate": "Bearer"},
        )
    return Response(exposition(await _readings()), media_type=TEXT_FORMAT)
