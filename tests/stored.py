"""What a service keeps in its storage (local files or the S3 bucket), seen by the tests."""

from __future__ import annotations

from services import storage
from tests.conftest import Service


async def stored_keys(service: Service) -> list[str]:
    """Every stored file and unfinished upload, by storage name."""
    return await storage.backend(service.settings).keys()


async def read_stored(service: Service, key: str) -> bytes:
    return await storage.read_head(service.settings, key, 1 << 40)


def on_s3(service: Service) -> bool:
    return service.settings.storage_url.startswith("s3://")
