"""Uploading and downloading a big file over HTTP, beside a plain file copy on the same disk.

Serves datashare as its own process, uploads a generated file (1 GiB by default) with a
streamed body, downloads it back, and prints MB/s for each next to `shutil.copyfile` of
the same file (the baseline, measured in the same run), and the server's peak memory
(VmHWM) before and after: streaming keeps it flat, whatever the file's size.

    .venv/bin/python -m bench.transfer [--mib 1024] [--sqlite]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import os
import shutil
import sys
import tempfile
import time
from collections.abc import AsyncIterator
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
from tests.net import free_port

CHUNK = 1024 * 1024


def peak_rss_mib(pid: int) -> float:
    """The process's high-water mark of resident memory, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM")


def make_file(path: Path, mib: int) -> str:
    digest = hashlib.sha256()
    block = os.urandom(CHUNK)
    with path.open("wb") as handle:
        for index in range(mib):
            piece = index.to_bytes(8, "big") + block[8:]
            handle.write(piece)
            digest.update(piece)
    return digest.hexdigest()


async def file_chunks(path: Path) -> AsyncIterator[bytes]:
    with path.open("rb") as handle:
        while block := handle.read(CHUNK):
            yield block


async def run(mib: int, use_sqlite: bool) -> None:
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as tmp:
        workdir = Path(tmp)
        source = workdir / "source.bin"
        expected = make_file(source, mib)
        size = source.stat().st_size

        started = time.perf_counter()
        shutil.copyfile(source, workdir / "copy.bin")
        os.sync()
        copy_seconds = time.perf_counter() - started
        (workdir / "copy.bin").unlink()

        async with fresh_database(use_sqlite, workdir) as url:
            token, [dataset_id] = await owner_with_images(url, 1)
            port = free_port()
            env = server_env(url, workdir, port, MAX_UPLOAD_BYTES=str(size * 2))
            server = start_process(["main.py", "serve"], env)
            try:
                base = env["PUBLIC_URL"]
                await wait_until_up(base)
                before = peak_rss_mib(server.pid)
                headers = {
                    "Authorization": f"Bearer {token}",
                    "Content-Type": "image/tiff",
                    "Content-Disposition": 'attachment; filename="big.tiff"',
                    "Content-Length": str(size),
                }
                async with httpx.AsyncClient(base_url=base, timeout=600) as client:
                    started = time.perf_counter()
                    response = await client.put(
                        f"/uploads/datasets/{dataset_id}",
                        content=file_chunks(source),
                        headers=headers,
                    )
                    upload_seconds = time.perf_counter() - started
                    assert response.status_code == 201, response.text
                    assert response.json()["sha256"] == expected
                    after_upload = peak_rss_mib(server.pid)

                    digest = hashlib.sha256()
                    started = time.perf_counter()
                    async with client.stream(
                        "GET",
                        f"/files/datasets/{dataset_id}",
                        headers={"Authorization": f"Bearer {token}"},
                    ) as download:
                        assert download.status_code == 200
                        async for block in download.aiter_bytes(CHUNK):
                            digest.update(block)
                    download_seconds = time.perf_counter() - started
                    assert digest.hexdigest() == expected
                    after_download = peak_rss_mib(server.pid)
            finally:
                stop_process(server)

    megabytes = size / 1e6
    backend = "SQLite" if use_sqlite else "PostgreSQL"
    print(f"transfer of {mib} MiB over HTTP on loopback ({backend})")
    print(f"  plain file copy (baseline) {megabytes / copy_seconds:8.1f} MB/s")
    for label, seconds in (("upload (PUT)", upload_seconds), ("download (GET)", download_seconds)):
        rate = megabytes / seconds
        print(
            f"  {label:26s} {rate:8.1f} MB/s   ratio to copy {rate * copy_seconds / megabytes:.2f}"
        )
    print(
        f"  server peak RSS: {before:.0f} MiB at start, {after_upload:.0f} MiB after upload, "
        f"{after_download:.0f} MiB after download"
    )
    growth = after_download - before
    verdict = "flat: streamed" if growth < min(64, mib / 4) else "NOT flat: buffered?"
    print(f"  peak RSS grew {growth:.0f} MiB for a {mib} MiB file ({verdict})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mib", type=int, default=1024, help="file size in MiB")
    parser.add_argument("--sqlite", action="store_true")
    args = parser.parse_args()
    asyncio.run(run(args.mib, args.sqlite))


if __name__ == "__main__":
    main()
