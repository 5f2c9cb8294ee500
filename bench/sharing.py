"""shareDataset with 50 addresses against a single address, over HTTP.

Starts a real server on a fresh database (PostgreSQL by default, `--sqlite` for SQLite),
then times `shareDataset` calls that each create new grants (and their invitation
emails in the outbox), alternating 1 and 50 addresses so both see the same conditions.
Prints the median and p90 latency of each and the ratio 50 : 1 (target: at most 1.5).

    .venv/bin/python -m bench.sharing [--sqlite] [--rounds 30]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (
    fresh_database,
    opened,
    owner_with_images,
    percentile,
    server_env,
    start_process,
    stop_process,
    wait_until_up,
)
from tests.net import free_port

SHARE = """mutation($i: ShareDatasetInput!) {
  shareDataset(input: $i) { grants { id } errors { code message } } }"""


async def reset_quota(url: str) -> None:
    """The bench shares far more than a person may in a day; forget the quota between calls."""
    from models import ShareEvent

    async with opened(url):
        await ShareEvent.all().delete()


async def timed_share(
    client: httpx.AsyncClient, token: str, dataset: str, emails: list[str]
) -> float:
    started = time.perf_counter()
    response = await client.post(
        "/graphql",
        json={"query": SHARE, "variables": {"i": {"datasetId": dataset, "emails": emails}}},
        headers={"Authorization": f"Bearer {token}"},
    )
    elapsed = time.perf_counter() - started
    payload = response.json()["data"]["shareDataset"]
    assert payload["errors"] == [], payload["errors"]
    assert len(payload["grants"]) == len(emails)
    return elapsed


async def run(use_sqlite: bool, rounds: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        async with fresh_database(use_sqlite, workdir) as url:
            token, datasets = await owner_with_images(url, 2 * rounds + 2)
            port = free_port()
            env = server_env(url, workdir, port)
            server = start_process(["main.py", "serve"], env)
            try:
                await wait_until_up(env["PUBLIC_URL"])
                async with httpx.AsyncClient(base_url=env["PUBLIC_URL"], timeout=60) as client:
                    # Warm up both shapes once.
                    await timed_share(client, token, datasets[-1], ["warm@bench.example"])
                    await timed_share(
                        client, token, datasets[-2], [f"w{i}@bench.example" for i in range(50)]
                    )
                    single: list[float] = []
                    fifty: list[float] = []
                    for round_ in range(rounds):
                        await reset_quota(url)
                        single.append(
                            await timed_share(
                                client, token, datasets[2 * round_], [f"one{round_}@bench.example"]
                            )
                        )
                        fifty.append(
                            await timed_share(
                                client,
                                token,
                                datasets[2 * round_ + 1],
                                [f"r{round_}p{i}@bench.example" for i in range(50)],
                            )
                        )
            finally:
                stop_process(server)
    backend = "SQLite" if use_sqlite else "PostgreSQL"
    median_1, median_50 = statistics.median(single), statistics.median(fifty)
    print(f"shareDataset on {backend}, {rounds} rounds, new grants with invitation emails")
    for label, times in (("1 address:   ", single), ("50 addresses:", fifty)):
        median, p90 = statistics.median(times) * 1000, percentile(times, 0.9) * 1000
        print(f"  {label} median {median:7.1f} ms   p90 {p90:7.1f} ms")
    print(f"  ratio 50:1 (median) = {median_50 / median_1:.2f}  (target <= 1.5)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sqlite", action="store_true", help="bench SQLite instead of PostgreSQL")
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    asyncio.run(run(args.sqlite, args.rounds))


if __name__ == "__main__":
    main()
