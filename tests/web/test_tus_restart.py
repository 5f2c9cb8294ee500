"""A resumable upload survives its server being killed mid-request (SIGKILL) and resumes,
after a restart, to exactly the right bytes: on local files and on S3."""

from __future__ import annotations

import asyncio
import hashlib
import io
import os
import signal
import subprocess
import sys
from pathlib import Path

import anyio.to_thread
import httpx
import pytest
from tusclient.client import TusClient

from models import ResumableUpload
from tests.conftest import Service
from tests.net import free_port
from tests.story import Person, create_dataset, signed_up
from tests.web.test_tus import MIB, Sha256Uploader, files_of

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def storage_settings(both_storages: dict[str, str]) -> dict[str, str]:
    return both_storages


class ServeProcess:
    """`python main.py serve` as its own process, on the service's database and storage."""

    def __init__(self, service: Service, storage_settings: dict[str, str], log: Path) -> None:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "DATABASE_URL": service.settings.database_url,
            "DATA_DIR": str(service.settings.data_dir),
            "PORT": str(self.port),
            "PUBLIC_URL": self.base_url,
            "EMAIL_WORKER": "off",
            "SMTP_HOST": "",
            "UPLOAD_LEASE_SECONDS": "1",
            **storage_settings,
        }
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None

    def _spawn(self) -> None:
        with open(self.log, "ab") as output:
            self.process = subprocess.Popen(
                [sys.executable, "main.py", "serve"],
                cwd=ROOT,
                env=self.env,
                stdout=output,
                stderr=subprocess.STDOUT,
            )

    async def start(self) -> None:
        self._spawn()
        async with httpx.AsyncClient(base_url=self.base_url) as client:
            for _ in range(300):
                try:
                    if (await client.get("/healthz")).status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.05)
        raise RuntimeError(f"the server did not start: {self.log.read_text()}")

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)


async def upload_with_tuspy(
    base_url: str, person: Person, dataset_id: str, body: bytes, *, url: str | None, stop_at: int
) -> str:
    def send() -> str:
        client = TusClient(
            f"{base_url}/uploads/datasets/{dataset_id}/files", headers=person.headers
        )
        uploader = Sha256Uploader(
            client=client,
            file_stream=io.BytesIO(body),
            url=url,
            chunk_size=MIB,
            metadata={"filename": "run.bin"},
            upload_checksum=True,
            retries=20,  # a PATCH is refused (423) until the dead server's lease lapses
            retry_delay=1,
        )
        uploader.upload(stop_at=stop_at)
        return str(uploader.url)

    return await anyio.to_thread.run_sync(send)


async def test_an_upload_resumes_after_its_server_is_killed(
    service: Service, storage_settings: dict[str, str], tmp_path: Path
) -> None:
    alice = await signed_up(service, "alice@lab.example")
    image = await create_dataset(service, alice, "Kidney section", "IMAGE")
    body = os.urandom(7 * MIB + 333)
    server = ServeProcess(service, storage_settings, tmp_path / "serve.log")
    await server.start()
    try:
        upload = await upload_with_tuspy(
            server.base_url, alice, image, body, url=None, stop_at=3 * MIB
        )
        # A PATCH of the rest, cut by SIGKILL while the server is receiving it.
        path = upload.split(str(server.port), 1)[1]
        _reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(
            (
                f"PATCH {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nTus-Resumable: 1.0.0\r\n"
                f"Authorization: Bearer {alice.token}\r\n"
                f"Content-Type: application/offset+octet-stream\r\nUpload-Offset: {3 * MIB}\r\n"
                f"Content-Length: {len(body) - 3 * MIB}\r\n\r\n"
            ).encode()
            + body[3 * MIB : 5 * MIB]
        )
        await writer.drain()
        for _ in range(200):  # until the server holds the upload for that request
            if await ResumableUpload.filter(lease__isnull=False).exists():
                break
            await asyncio.sleep(0.05)
        server.kill()
        writer.close()
        row = await ResumableUpload.get()
        assert row.offset == 3 * MIB and row.lease is not None  # died holding it

        await server.start()  # a new process on the same database and storage
        await upload_with_tuspy(server.base_url, alice, image, body, url=upload, stop_at=len(body))
    finally:
        server.stop()

    seen = await files_of(service, alice, image)
    assert seen["file"]["sha256"] == hashlib.sha256(body).hexdigest()
    [described] = seen["files"]
    assert described["sizeBytes"] == len(body)
    local_url = described["downloadUrl"].replace(server.base_url, service.base_url)
    service.client.cookies.clear()
    assert (await service.client.get(local_url, headers=alice.headers)).content == body
    assert await ResumableUpload.all().count() == 0
