"""Moving a big file through datashare, beside a plain file copy on the same disk.

Serves datashare as its own process, once on local storage and once on S3 (a SeaweedFS
started for the run), and for each: uploads a generated file (1 GiB by default) whole
(`PUT`) and with tus in 8 MiB `PATCH`es, downloads it back, and prints MB/s next to
`shutil.copyfile` of the same file followed by `sync` (the baseline), as ratios. The
disk of a shared machine swings widely from minute to minute, so the copy is measured
again right before each transfer and each ratio is against the copy beside it; with
`--rounds N` every transfer is measured N times and the median ratio is printed. It also
prints the server's resident memory when idle (after a small warm-up transfer) and its
peak (VmHWM) after the big transfers: streaming keeps it flat, whatever the file's size.
The machine's load average is printed at the start and the end. For the tus upload it
also prints how long the machine's cores were busy (server, client, kernel and all else)
per GiB, and the fastest that upload could go if the cores were never idle: where the
copy runs faster than that allows, no upload on this machine can reach its target.

Beside them, three ceilings measured the same way: a server that only receives the tus
`PATCH`es and throws their bodies away (`bench.discard`, served as datashare is), SHA-256
of the file alone in one thread (every upload hashes every byte), and the same `PATCH`es
received, hashed and written by bare threads with nothing around them (`bench.bare`): no
upload through this server on this machine can be expected to be faster than any of them.

    .venv/bin/python -m bench.transfer [--mib 1024] [--rounds 1] [--sqlite]
        [--storage file|s3|both]
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import hashlib
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (
    fresh_database,
    owner_with_images,
    server_env,
    start_process,
    stop_process,
    wait_until_up,
)
from bench.rawhttp import RawHttp
from tests.net import free_port
from tests.seaweed import SeaweedFS

MIB = 1024 * 1024
CHUNK = MIB
TUS_CHUNK = 8 * MIB
TUS = "upload (tus, 8 MiB)"
BARE = "bare threads (8 MiB)"
UPLOAD_TARGET = 0.7  # tus upload on local storage, against the copy
DOWNLOAD_TARGET = 0.8
FLAT_MIB = 30


def memory_mib(pid: int, field_name: str) -> float:
    """`VmRSS` (now) or `VmHWM` (the high-water mark) of a process, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field_name + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field_name}")


def busy_core_seconds() -> float:
    """How long the machine's cores have been busy, all processes and the kernel together
    (/proc/stat: user, nice, system, irq, softirq and steal time)."""
    fields = [int(value) for value in Path("/proc/stat").read_text().split()[1:9]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def make_file(path: Path, mib: int) -> str:
    digest = hashlib.sha256()
    block = os.urandom(CHUNK)
    with path.open("wb") as handle:
        for index in range(mib):
            piece = index.to_bytes(8, "big") + block[8:]
            handle.write(piece)
            digest.update(piece)
    return digest.hexdigest()


async def file_chunks(path: Path, size: int = CHUNK) -> AsyncIterator[bytes]:
    with path.open("rb") as handle:
        while block := handle.read(size):
            yield block


@dataclass
class Figures:
    storage: str
    # Per transfer, per round: its seconds and those of the plain copy right before it.
    seconds: dict[str, list[float]] = field(default_factory=dict)
    copy_seconds: dict[str, list[float]] = field(default_factory=dict)
    busy_seconds: dict[str, list[float]] = field(default_factory=dict)
    idle_mib: float = 0.0
    peak_mib: float = 0.0
    peaks: dict[str, float] = field(default_factory=dict)


class Transfers:
    """The transfers, timed through `RawHttp` (sendfile out, large reads in)."""

    def __init__(self, base_url: str, port: int, token: str, dataset_id: str) -> None:
        self.base_url = base_url
        self.port = port
        self.auth = {"Authorization": f"Bearer {token}"}
        self.dataset_id = dataset_id

    async def put(self, source: Path, size: int, name: str) -> dict[str, object]:
        headers = {
            **self.auth,
            "Content-Type": "application/octet-stream",
            "Content-Disposition": f'attachment; filename="{name}"',
        }
        with source.open("rb") as handle:
            async with RawHttp(self.port) as http:
                status, _, body = await http.request(
                    "PUT", f"/uploads/datasets/{self.dataset_id}", headers, (handle, 0, size)
                )
        assert status == 201, body
        return dict(json.loads(body))

    async def tus(self, source: Path, size: int, name: str) -> None:
        """The tus protocol as any client speaks it: create, then PATCH 8 MiB at a time."""
        metadata = "filename " + base64.b64encode(name.encode()).decode()
        async with RawHttp(self.port) as http:
            status, found, body = await http.request(
                "POST",
                f"/uploads/datasets/{self.dataset_id}/files",
                {**self.tus_headers, "Upload-Length": str(size), "Upload-Metadata": metadata},
            )
        assert status == 201, body
        await self.tus_patches(source, size, found["location"].removeprefix(self.base_url))

    @property
    def tus_headers(self) -> dict[str, str]:
        return {**self.auth, "Tus-Resumable": "1.0.0"}

    async def tus_patches(self, source: Path, size: int, location: str) -> dict[str, str]:
        """The `PATCH`es, 8 MiB each; the last answer's headers."""
        found: dict[str, str] = {}
        with source.open("rb") as handle:
            async with RawHttp(self.port) as http:
                offset = 0
                while offset < size:
                    step = min(TUS_CHUNK, size - offset)
                    status, found, body = await http.request(
                        "PATCH",
                        location,
                        {
                            **self.tus_headers,
                            "Content-Type": "application/offset+octet-stream",
                            "Upload-Offset": str(offset),
                        },
                        (handle, offset, step),
                    )
                    assert status == 204, body
                    offset = int(found.get("upload-offset", offset + step))
        return found

    async def download(self, name: str) -> int:
        async with RawHttp(self.port) as http:
            status, _, body = await http.request(
                "GET", f"/files/datasets/{self.dataset_id}/{name}", self.auth
            )
        assert status == 200
        return int(body)

    async def download_sha256(self, name: str) -> str:
        """The bytes served, hashed (untimed: it checks what the timed run measured)."""
        digest = hashlib.sha256()
        async with (
            httpx.AsyncClient(base_url=self.base_url, timeout=600) as client,
            client.stream(
                "GET", f"/files/datasets/{self.dataset_id}/{name}", headers=self.auth
            ) as answer,
        ):
            async for block in answer.aiter_bytes(CHUNK):
                digest.update(block)
        return digest.hexdigest()


async def measure(
    storage: str,
    source: Path,
    size: int,
    expected: str,
    workdir: Path,
    use_sqlite: bool,
    extra: dict[str, str],
    rounds: int,
) -> Figures:
    figures = Figures(storage)
    warm_up = workdir / "warm-up.bin"
    make_file(warm_up, 16)

    def timed(label: str) -> Timed:
        return Timed(figures, label, source, workdir)

    async with fresh_database(use_sqlite, workdir / storage) as url:
        token, [dataset_id] = await owner_with_images(url, 1)
        port = free_port()
        env = server_env(url, workdir / storage, port, MAX_UPLOAD_BYTES=str(size * 2), **extra)
        server = start_process(["main.py", "serve"], env)
        try:
            base = env["PUBLIC_URL"]
            await wait_until_up(base)
            transfers = Transfers(base, port, token, dataset_id)
            # Warm up every path (imports, the storage client) before measuring idle.
            await transfers.tus(warm_up, 16 * MIB, "warm.bin")
            await transfers.download("warm.bin")
            figures.idle_mib = memory_mib(server.pid, "VmRSS")

            for _ in range(rounds):
                with timed("upload (PUT)"):
                    answer = await transfers.put(source, size, "put.bin")
                figures.peaks["PUT"] = memory_mib(server.pid, "VmHWM")
                assert answer["sha256"] == expected

                with timed(TUS):
                    await transfers.tus(source, size, "big.bin")
                figures.peaks["tus"] = memory_mib(server.pid, "VmHWM")

                with timed("download (GET)"):
                    assert await transfers.download("big.bin") == size
                figures.peak_mib = figures.peaks["GET"] = memory_mib(server.pid, "VmHWM")
            assert await transfers.download_sha256("big.bin") == expected
        finally:
            stop_process(server)
    return figures


class Timed:
    """Times a transfer, after a plain copy of the same file (the baseline beside it);
    each starts with nothing left to write back."""

    def __init__(self, figures: Figures, label: str, source: Path, workdir: Path) -> None:
        self.figures = figures
        self.label = label
        self.source = source
        self.workdir = workdir
        self.started = 0.0
        self.busy = 0.0

    def __enter__(self) -> None:
        os.sync()
        copy = plain_copy_seconds(self.source, self.workdir)
        self.figures.copy_seconds.setdefault(self.label, []).append(copy)
        os.sync()
        self.busy = busy_core_seconds()
        self.started = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        seconds = time.perf_counter() - self.started
        self.figures.seconds.setdefault(self.label, []).append(seconds)
        busy = busy_core_seconds() - self.busy
        self.figures.busy_seconds.setdefault(self.label, []).append(busy)


async def ceilings(source: Path, size: int, expected: str, workdir: Path, rounds: int) -> Figures:
    figures = Figures("ceilings")

    def timed(label: str) -> Timed:
        return Timed(figures, label, source, workdir)

    def client(port: int) -> Transfers:
        return Transfers(f"http://127.0.0.1:{port}", port, "", "")

    ports = free_port(), free_port()
    written = workdir / "bare.bin"
    started = [
        start_process(["-m", "bench.discard", str(ports[0])], dict(os.environ)),
        start_process(["-m", "bench.bare", str(ports[1]), str(written)], dict(os.environ)),
    ]
    try:
        for port in ports:
            await wait_until_up(f"http://127.0.0.1:{port}")
        receiving, bare = client(ports[0]), client(ports[1])
        for _ in range(rounds):
            with timed("receive only (8 MiB)"):
                await receiving.tus_patches(source, size, "/discard")
            with timed(BARE):
                answer = await bare.tus_patches(source, size, "/bare")
            assert answer["upload-digest"] == expected
            written.unlink()
            with timed("SHA-256 only"):
                await asyncio.to_thread(sha256_of, source)
    finally:
        for server in started:
            stop_process(server)
    return figures


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(TUS_CHUNK):
            digest.update(block)
    return digest.hexdigest()


def plain_copy_seconds(source: Path, workdir: Path) -> float:
    started = time.perf_counter()
    shutil.copyfile(source, workdir / "copy.bin")
    os.sync()
    seconds = time.perf_counter() - started
    (workdir / "copy.bin").unlink()
    return seconds


async def run(mib: int, use_sqlite: bool, storages: list[str], rounds: int) -> bool:
    load_before = os.getloadavg()
    results: list[Figures] = []
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as tmp:
        workdir = Path(tmp)
        source = workdir / "source.bin"
        expected = make_file(source, mib)
        size = mib * MIB
        bounds = await ceilings(source, size, expected, workdir, rounds)
        for storage in storages:
            (workdir / storage).mkdir()
            if storage == "file":
                results.append(
                    await measure(storage, source, size, expected, workdir, use_sqlite, {}, rounds)
                )
                continue
            seaweed_dir = workdir / "seaweedfs"
            seaweed_dir.mkdir()
            seaweed = SeaweedFS(seaweed_dir)
            seaweed.start()
            try:
                extra = seaweed.settings("bench")
                results.append(
                    await measure(
                        storage, source, size, expected, workdir, use_sqlite, extra, rounds
                    )
                )
            finally:
                seaweed.stop()
    return report(mib, use_sqlite, results, bounds, load_before, os.getloadavg())


def _load(load: tuple[float, float, float]) -> str:
    return ", ".join(f"{value:.2f}" for value in load)


def report(
    mib: int,
    use_sqlite: bool,
    results: list[Figures],
    bounds: Figures,
    load_before: tuple[float, float, float],
    load_after: tuple[float, float, float],
) -> bool:
    megabytes = mib * MIB / 1e6
    database = "SQLite" if use_sqlite else "PostgreSQL"
    rounds = len(next(iter(results[0].seconds.values())))
    print(f"transfer of {mib} MiB over HTTP on loopback ({database}), {rounds} round(s)")
    print(f"  load average {_load(load_before)} at the start, {_load(load_after)} at the end")
    print("  MB/s of each transfer and of the plain file copy + sync measured right before it;")
    print("  the ratio is transfer : copy (the median over the rounds)")
    print(f"  {'':22s}" + "".join(f"{f.storage:>36s}" for f in results))
    ratios: dict[tuple[str, str], float] = {}

    def cell(figures: Figures, label: str) -> str:
        seconds, copies = figures.seconds[label], figures.copy_seconds[label]
        ratio = statistics.median(c / s for s, c in zip(seconds, copies, strict=True))
        ratios[figures.storage, label] = ratio
        rate = megabytes / statistics.median(seconds)
        copy = megabytes / statistics.median(copies)
        return f"{rate:8.1f} MB/s (copy {copy:6.1f}: {ratio:4.2f}x)"

    for label in results[0].seconds:
        print(f"  {label:22s}" + "".join(cell(figures, label) for figures in results))
    for label in bounds.seconds:
        print(f"  ceiling: {label:22s}{cell(bounds, label)}")
    good = True
    for figures in results:
        growth = figures.peak_mib - figures.idle_mib
        flat = growth <= FLAT_MIB
        good = good and flat
        print(
            f"  {figures.storage}: server memory {figures.idle_mib:.0f} MiB idle, peak "
            f"{figures.peak_mib:.0f} MiB after {mib} MiB up and down: +{growth:.0f} MiB "
            f"({'flat' if flat else 'NOT flat'}, target within {FLAT_MIB} MiB; peak after "
            + ", ".join(f"{step} {mib:.0f}" for step, mib in figures.peaks.items())
            + ")"
        )
    for figures in results:
        print(f"  {figures.storage}: {cpu_bound(figures, mib)}")
    if any(figures.storage == "file" for figures in results):
        tus_ratio = ratios["file", TUS]
        get_ratio = ratios["file", "download (GET)"]
        print(
            f"  local targets: tus upload {tus_ratio:.2f}x (>= {UPLOAD_TARGET}), "
            f"download {get_ratio:.2f}x (>= {DOWNLOAD_TARGET})"
        )
        good = good and tus_ratio >= UPLOAD_TARGET and get_ratio >= DOWNLOAD_TARGET
    print(f"  {'all targets met' if good else 'TARGETS MISSED'}")
    return good


def cpu_bound(figures: Figures, mib: int) -> str:
    """The tus upload's cost in busy cores, and the fastest it could go on this machine's
    cores (and the fastest copy it could then keep up with at the target)."""
    gib = mib / 1024
    busy = statistics.median(figures.busy_seconds[TUS]) / gib
    cores = os.cpu_count() or 1
    fastest = 1024 * MIB / 1e6 / (busy / cores)
    return (
        f"the tus upload kept the machine's cores busy {busy:.2f} s per GiB: on {cores} cores "
        f"never idle, at most {fastest:.0f} MB/s: {UPLOAD_TARGET}x of copies up to "
        f"{fastest / UPLOAD_TARGET:.0f} MB/s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mib", type=int, default=1024, help="file size in MiB")
    parser.add_argument("--rounds", type=int, default=1, help="measurements of each transfer")
    parser.add_argument("--sqlite", action="store_true")
    parser.add_argument("--storage", choices=["file", "s3", "both"], default="both")
    args = parser.parse_args()
    storages = ["file", "s3"] if args.storage == "both" else [args.storage]
    asyncio.run(run(args.mib, args.sqlite, storages, args.rounds))


if __name__ == "__main__":
    main()
