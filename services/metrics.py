"""The metrics datashare keeps, through prometheus-client; `GET /metrics` serves them.

Counters, histograms and gauges live in the process. With `PROMETHEUS_MULTIPROC_DIR` set
(before the process starts) every process writes its values into files in that folder,
and `/metrics` of any process sums those of every process sharing the folder: several
`serve` processes on one host (and their worker) answer as one. The folder must be empty
when the first process starts.

Readings of the database (the outbox) are taken at scrape time by `SCRAPE_READINGS`, so
they are the same whichever process answers.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import cast

from prometheus_client import Counter, Gauge, Histogram, disable_created_metrics, multiprocess
from prometheus_client.core import GaugeMetricFamily
from tortoise.expressions import Q

from models import OutboxMessage, OutboxStatus
from services.clock import now
from services.notifications.worker import due

# Counters without their `_created` twins: half the lines, nothing Prometheus needs lost.
disable_created_metrics()

HTTP_REQUESTS = Counter(
    "datashare_http_requests",
    "HTTP requests answered, by endpoint (/graphql, /uploads, /files, /healthz, /metrics "
    "or webapp), method and status.",
    ["endpoint", "method", "status"],
)
HTTP_DURATION = Histogram(
    "datashare_http_request_duration_seconds",
    "Time from a request's arrival to the end of its answer, by endpoint and, for "
    "/graphql, operation name.",
    ["endpoint", "operation"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300),
)
GRAPHQL_REQUESTS = Counter(
    "datashare_graphql_requests",
    "GraphQL requests by operation name (anonymous when unnamed, - when refused before "
    "any operation), outcome (ok, errors, or none when no operation ran) and HTTP status.",
    ["operation", "outcome", "status"],
)
FILE_BYTES = Counter(
    "datashare_file_bytes",
    "File bytes received by uploads (direction=in) and sent by downloads (direction=out).",
    ["direction"],
)
UPLOADS_IN_PROGRESS = Gauge(
    "datashare_uploads_in_progress",
    "Uploads whose bytes are being received now.",
    multiprocess_mode="livesum",
)
SUBSCRIPTIONS_ACTIVE = Gauge(
    "datashare_subscriptions_active",
    "GraphQL subscriptions open now.",
    multiprocess_mode="livesum",
)
HOUSEKEEPING_REMOVED = Counter(
    "datashare_housekeeping_removed",
    "Rows and files removed by housekeeping, by job.",
    ["job"],
)

# Taken afresh at every scrape: an async function answering metric families.
ScrapeReading = Callable[[], Awaitable[list[GaugeMetricFamily]]]


async def outbox_readings() -> list[GaugeMetricFamily]:
    """Emails not yet delivered, and how long the oldest one due now has waited."""
    moment = now()
    undelivered = await OutboxMessage.filter(
        Q(status__in=[OutboxStatus.PENDING, OutboxStatus.SENDING])
    ).count()
    oldest = (
        await OutboxMessage.filter(due(moment))
        .order_by("created_at")
        .limit(1)
        .values_list("created_at", flat=True)
    )
    age = max(0.0, (moment - cast(datetime, oldest[0])).total_seconds()) if oldest else 0.0
    return [
        GaugeMetricFamily(
            "datashare_outbox_depth", "Emails waiting to be delivered.", value=undelivered
        ),
        GaugeMetricFamily(
            "datashare_outbox_oldest_due_age_seconds",
            "Seconds since the oldest email due for delivery now was written; 0 when none is.",
            value=age,
        ),
    ]


SCRAPE_READINGS: list[ScrapeReading] = [outbox_readings]


def process_ended() -> None:
    """In multiprocess mode, drop this process's live gauges (uploads, subscriptions) from
    the sums: it serves none any more."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.mark_process_dead(os.getpid())
