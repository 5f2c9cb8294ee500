"""Stored files as objects in an S3-compatible store (`s3://bucket/prefix`), via aiobotocore.

A file is written as one multipart upload of bounded parts (a small file as one PUT): the
object appears under its key only when the upload completes, and a failed upload is
aborted, so no half object is ever visible. A partial (resumable upload) is a multipart
upload left open: whole parts are uploaded as they fill; what is left of a part at a
checkpoint (S3 parts are at least 5 MiB, but the last) is kept as a small *tail* object
and read back into memory on resume. Memory stays at about one part per transfer.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urlsplit

import anyio.to_thread
from aiobotocore.session import get_session
from botocore.config import Config
from botocore.exceptions import ClientError

from services.settings import Settings
from services.storage import (
    READ_CHUNK,
    Appender,
    Backend,
    Observer,
    PartialState,
    Reader,
    StoredFile,
    TooLarge,
    checked_key,
    ignore,
    new_key,
)

MIB = 1024 * 1024
PART_SIZE = 8 * MIB
MAX_PARTS = 10_000


def part_size_for(length: int | None) -> int:
    """Parts of 8 MiB, larger when a file would need more than S3's 10,000 parts."""
    if not length:
        return PART_SIZE
    needed = -(-length // (MAX_PARTS - 1))
    return max(PART_SIZE, -(-needed // MIB) * MIB)


def _missing(error: ClientError) -> bool:
    code = str(error.response.get("Error", {}).get("Code", ""))
    return code in {"NoSuchKey", "404", "NotFound", "NoSuchUpload"}


class _PartBody(io.RawIOBase):
    """A part's bytes as a seekable file over the buffer they arrived in: sent in small
    reads, never copied whole (the client library reads it to sign and then to send)."""

    def __init__(self, buffer: bytearray) -> None:
        self.view = memoryview(buffer)
        self.position = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, target: Any) -> int:
        size = min(len(target), len(self.view) - self.position)
        target[:size] = self.view[self.position : self.position + size]
        self.position += size
        return size

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self.position, io.SEEK_END: len(self.view)}[whence]
        self.position = max(0, base + offset)
        return self.position

    def tell(self) -> int:
        return self.position

    def __len__(self) -> int:
        return len(self.view)


class _ObjectReader(Reader):
    def __init__(self, response: dict[str, Any]) -> None:
        self.body = response["Body"]

    async def chunks(self) -> AsyncIterator[bytes]:
        while True:
            block = await self.body.read(READ_CHUNK)
            if not block:
                break
            yield block

    async def aclose(self) -> None:
        self.body.close()


class _Multipart:
    """An open multipart upload of one object, its parts uploaded in order."""

    def __init__(self, backend: S3Backend, key: str, upload_id: str, parts: list[list[Any]]):
        self.backend = backend
        self.key = key
        self.upload_id = upload_id
        self.parts = parts  # [[number, etag], ...]

    async def upload(self, body: bytes | bytearray) -> None:
        client = await self.backend.client()
        number = len(self.parts) + 1
        answer = await client.upload_part(
            Bucket=self.backend.bucket,
            Key=self.backend.object_name(self.key),
            UploadId=self.upload_id,
            PartNumber=number,
            Body=_PartBody(body) if isinstance(body, bytearray) else body,
            ContentLength=len(body),
        )
        self.parts.append([number, answer["ETag"]])

    async def complete(self) -> None:
        client = await self.backend.client()
        if not self.parts:  # an empty file: S3 wants at least one part
            await self.upload(b"")
        await client.complete_multipart_upload(
            Bucket=self.backend.bucket,
            Key=self.backend.object_name(self.key),
            UploadId=self.upload_id,
            MultipartUpload={"Parts": [{"PartNumber": n, "ETag": tag} for n, tag in self.parts]},
        )

    async def abort(self) -> None:
        client = await self.backend.client()
        try:
            await client.abort_multipart_upload(
                Bucket=self.backend.bucket,
                Key=self.backend.object_name(self.key),
                UploadId=self.upload_id,
            )
        except ClientError as error:
            if not _missing(error):
                raise


class _PartialAppender(Appender):
    """Appends part by part: a full part is observed in a worker thread while it travels;
    the bytes of a part not yet full are observed when they must be (`settle`)."""

    def __init__(
        self,
        backend: S3Backend,
        key: str,
        state: PartialState,
        tail: bytes,
        observe: Observer = ignore,
    ) -> None:
        self.backend = backend
        self.key = key
        self.state = state
        self.multipart = _Multipart(backend, key, state["uploadId"], list(state["parts"]))
        self.part_size = int(state["partSize"])
        self.buffer = bytearray(tail)
        self.observe = observe
        self.observed = len(tail)  # the tail was observed before it was kept
        self.failed = False

    @property
    def unflushed(self) -> int:
        return len(self.buffer)

    async def write(self, block: bytes) -> None:
        self.buffer += block
        if len(self.buffer) >= self.part_size:
            body, self.buffer = self.buffer, bytearray()  # handed over, not copied
            observed, self.observed = self.observed, 0
            outcomes = await asyncio.gather(
                anyio.to_thread.run_sync(self._observe, body, observed),
                self.multipart.upload(body),
                return_exceptions=True,
            )
            for outcome in outcomes:
                if isinstance(outcome, BaseException):
                    self.failed = True  # those bytes are lost: no checkpoint may claim them
                    raise outcome

    def _observe(self, buffer: bytearray, start: int) -> None:
        if start < len(buffer):
            with memoryview(buffer) as view:
                self.observe(view[start:])

    async def settle(self) -> None:
        await anyio.to_thread.run_sync(self._observe, self.buffer, self.observed)
        self.observed = len(self.buffer)

    async def checkpoint(self) -> PartialState:
        if self.failed:
            raise RuntimeError("a part was lost; resume from the last checkpoint")
        await self.settle()
        generation = int(self.state.get("generation", 0)) + 1
        tail = None
        if self.buffer:
            tail = f"{self.key}.tail.{generation}"
            client = await self.backend.client()
            await client.put_object(
                Bucket=self.backend.bucket,
                Key=self.backend.object_name(tail),
                Body=self.buffer,
            )
        self.state = {
            **self.state,
            "parts": list(self.multipart.parts),
            "tail": tail,
            "generation": generation,
        }
        return self.state

    async def release(self, superseded: PartialState) -> None:
        old = superseded.get("tail")
        if old and old != self.state.get("tail"):
            await self.backend.delete_object(old)

    async def finish(self) -> None:
        if self.buffer:
            body, self.buffer = self.buffer, bytearray()  # handed over, not copied
            await self.multipart.upload(body)
        await self.multipart.complete()

    async def aclose(self) -> None:
        self.buffer = bytearray()


class S3Backend(Backend):
    def __init__(self, settings: Settings) -> None:
        location = urlsplit(settings.storage_url)
        if not location.netloc:
            raise ValueError("STORAGE_URL s3://bucket/prefix needs a bucket")
        self.bucket = location.netloc
        self.prefix = location.path.strip("/")
        self.settings = settings
        self._client: Any = None
        self._context: Any = None
        self._lock = asyncio.Lock()

    def object_name(self, key: str) -> str:
        return f"{self.prefix}/{key}" if self.prefix else key

    async def client(self) -> Any:
        if self._client is None:
            async with self._lock:
                if self._client is None:
                    settings = self.settings
                    self._context = get_session().create_client(
                        "s3",
                        endpoint_url=settings.s3_endpoint_url,
                        region_name=settings.s3_region or "us-east-1",
                        aws_access_key_id=settings.s3_access_key_id,
                        aws_secret_access_key=settings.s3_secret_access_key,
                        config=Config(
                            retries={"max_attempts": 3, "mode": "standard"},
                            s3={"addressing_style": "path"},
                            max_pool_connections=50,
                        ),
                    )
                    self._client = await self._context.__aenter__()
        return self._client

    async def close(self) -> None:
        if self._context is not None:
            context, self._context, self._client = self._context, None, None
            await context.__aexit__(None, None, None)

    async def store_stream(
        self, chunks: AsyncIterator[bytes], limit: int, size_hint: int | None = None
    ) -> StoredFile:
        key = new_key()
        part_size = part_size_for(size_hint)
        digest = hashlib.sha256()
        size = 0
        buffer = bytearray()
        multipart: _Multipart | None = None
        try:
            async for chunk in chunks:
                size += len(chunk)
                if size > limit:
                    raise TooLarge()
                buffer += chunk
                if len(buffer) >= part_size:
                    body, buffer = buffer, bytearray()  # handed over, not copied
                    if multipart is None:
                        multipart = await self._create_multipart(key)
                    # Hash in a worker thread while the part travels.
                    await asyncio.gather(
                        anyio.to_thread.run_sync(digest.update, body), multipart.upload(body)
                    )
            body, buffer = buffer, bytearray()
            await anyio.to_thread.run_sync(digest.update, body)
            if multipart is None:
                client = await self.client()
                await client.put_object(Bucket=self.bucket, Key=self.object_name(key), Body=body)
            else:
                if body:
                    await multipart.upload(body)
                await multipart.complete()
        except BaseException:
            if multipart is not None:
                await asyncio.shield(multipart.abort())
            raise
        return StoredFile(key, size, digest.hexdigest())

    async def _create_multipart(self, key: str) -> _Multipart:
        client = await self.client()
        answer = await client.create_multipart_upload(Bucket=self.bucket, Key=self.object_name(key))
        return _Multipart(self, key, answer["UploadId"], [])

    async def open(self, key: str, start: int, length: int) -> Reader:
        client = await self.client()
        if length <= 0:
            return _ObjectReader({"Body": _NoBody()})
        try:
            answer = await client.get_object(
                Bucket=self.bucket,
                Key=self.object_name(key),
                Range=f"bytes={start}-{start + length - 1}",
            )
        except ClientError as error:
            if _missing(error):
                raise FileNotFoundError(key) from error
            raise
        return _ObjectReader(answer)

    async def delete_object(self, name: str) -> None:
        client = await self.client()
        await client.delete_object(Bucket=self.bucket, Key=self.object_name(name))

    async def delete(self, key: str) -> None:
        await self.delete_object(key)

    async def delete_tails(self, key: str) -> None:
        for name in await self._names(f"{key}.tail."):
            await self.delete_object(name)

    async def _names(self, start: str = "") -> list[str]:
        client = await self.client()
        base = f"{self.prefix}/" if self.prefix else ""
        names = []
        paginator = client.get_paginator("list_objects_v2")
        async for page in paginator.paginate(Bucket=self.bucket, Prefix=base + start):
            names += [item["Key"][len(base) :] for item in page.get("Contents", [])]
        return names

    async def start_partial(self, key: str, length: int) -> PartialState:
        multipart = await self._create_multipart(checked_key(key))
        return {
            "uploadId": multipart.upload_id,
            "parts": [],
            "partSize": part_size_for(length),
            "tail": None,
            "generation": 0,
        }

    async def resume_partial(
        self, key: str, state: PartialState, offset: int, observe: Observer = ignore
    ) -> Appender:
        tail = b""
        if state.get("tail"):
            client = await self.client()
            answer = await client.get_object(
                Bucket=self.bucket, Key=self.object_name(state["tail"])
            )
            async with answer["Body"] as body:
                tail = await body.read()
        return _PartialAppender(self, key, state, tail, observe)

    async def complete_partial(self, key: str, state: PartialState) -> None:
        try:
            appender = await self.resume_partial(key, state, 0)
            assert isinstance(appender, _PartialAppender)
            await appender.finish()
        except ClientError as error:
            if not _missing(error):
                raise
            client = await self.client()  # completed before: the object is there
            await client.head_object(Bucket=self.bucket, Key=self.object_name(key))
        await self.delete_tails(key)

    async def abandon_partial(self, key: str, state: PartialState) -> None:
        await _Multipart(self, key, state["uploadId"], []).abort()
        await self.delete_tails(key)

    async def keys(self) -> list[str]:
        return sorted(await self._names())

    async def unfinished_uploads(self) -> int:
        """Multipart uploads left open under this prefix (for tests)."""
        client = await self.client()
        answer = await client.list_multipart_uploads(
            Bucket=self.bucket, Prefix=f"{self.prefix}/" if self.prefix else ""
        )
        return len(answer.get("Uploads", []))


class _NoBody:
    async def read(self, size: int = -1) -> bytes:
        return b""

    def close(self) -> None:
        return None
