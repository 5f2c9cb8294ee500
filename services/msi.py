"""Complete MSI runs: an `.imzML` with its `.ibd` of the same base name, of the same run.

The imzML header names the run's UUID (cvParam `IMS:1000080`); the `.ibd` starts with the
same 16 bytes. The header is read with a streaming XML parser (expat) from the first
part of the file only, stopping at the UUID or at the spectrum list, never past
`HEADER_LIMIT` bytes.
"""

from __future__ import annotations

import re
import xml.parsers.expat
from collections.abc import Iterable
from dataclasses import dataclass

from services import storage
from services.settings import Settings

HEADER_LIMIT = 4 * 1024 * 1024
UUID_ACCESSION = "IMS:1000080"
_HEX_UUID = re.compile(r"^[0-9a-f]{32}$")


def is_imzml(name: str) -> bool:
    return name.lower().endswith(".imzml")


def is_ibd(name: str) -> bool:
    return name.lower().endswith(".ibd")


def base_name(name: str) -> str:
    return name.rsplit(".", 1)[0].lower()


class _Done(Exception):
    """The parser has read far enough."""


def normalised_uuid(value: str) -> str | None:
    text = value.strip().strip("{}").replace("-", "").lower()
    return text if _HEX_UUID.match(text) else None


class _HeaderReader:
    def __init__(self) -> None:
        self.uuid: str | None = None
        self.parser = xml.parsers.expat.ParserCreate()
        self.parser.StartElementHandler = self._start

    def _start(self, tag: str, attributes: dict[str, str]) -> None:
        local = tag.rsplit(":", 1)[-1]
        if local == "cvParam" and attributes.get("accession") == UUID_ACCESSION:
            self.uuid = normalised_uuid(attributes.get("value", ""))
            raise _Done()
        if local in {"run", "spectrumList"}:
            raise _Done()  # past the header: no UUID there

    def feed(self, block: bytes) -> bool:
        """False once the parser has read enough (found, past the header, or not XML)."""
        try:
            self.parser.Parse(block, False)
        except (_Done, xml.parsers.expat.ExpatError):
            return False
        return True


async def run_uuid(settings: Settings, key: str, name: str, size: int) -> str | None:
    """The run UUID of a stored `.imzML` (from its header) or `.ibd` (its first 16 bytes)
    as 32 hex digits; None for other files, or when it cannot be found."""
    if is_ibd(name):
        head = await storage.read_head(settings, key, 16) if size >= 16 else b""
        return head.hex() if len(head) == 16 else None
    if not is_imzml(name):
        return None
    header = _HeaderReader()
    reader = await storage.open_file(settings, key, 0, min(size, HEADER_LIMIT))
    try:
        async for block in reader.chunks():
            if not header.feed(block):
                break
    finally:
        await reader.aclose()
    return header.uuid


@dataclass(frozen=True)
class RunFile:
    name: str
    run_uuid: str | None


def problems(kind: str, files: Iterable[RunFile]) -> list[str]:
    """What keeps an MSI dataset's runs from being complete, for people; none otherwise."""
    if kind != "MSI":
        return []
    found = list(files)
    imzmls = {base_name(f.name): f for f in found if is_imzml(f.name)}
    ibds = {base_name(f.name): f for f in found if is_ibd(f.name)}
    said: list[str] = []
    for base, imzml in imzmls.items():
        ibd = ibds.get(base)
        if ibd is None:
            said.append(f"{imzml.name} needs its binary data file, {_stem(imzml.name)}.ibd.")
        elif imzml.run_uuid is None:
            said.append(f"{imzml.name} names no run UUID (IMS:1000080) in its header.")
        elif imzml.run_uuid != ibd.run_uuid:
            said.append(
                f"{imzml.name} and {ibd.name} are not of the same run: the UUID in the "
                f"imzML header ({imzml.run_uuid}) differs from the start of the .ibd "
                f"({ibd.run_uuid or 'too short'})."
            )
    for base, ibd in ibds.items():
        if base not in imzmls:
            said.append(f"{ibd.name} needs its metadata file, {_stem(ibd.name)}.imzML.")
    return said


def _stem(name: str) -> str:
    return name.rsplit(".", 1)[0]
