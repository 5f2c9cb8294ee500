"""GeoJSON geometries in image pixel coordinates, checked before they are stored."""

from __future__ import annotations

import math
from typing import Any

from services.errors import InvalidInput

MAX_POSITIONS = 10_000
TYPES = ("Point", "MultiPoint", "LineString", "Polygon", "MultiPolygon")


class _Counter:
    def __init__(self) -> None:
        self.positions = 0


def _fail(path: str, message: str) -> InvalidInput:
    return InvalidInput(f"{path}: {message}", field="geometry")


def _position(value: Any, path: str, counter: _Counter) -> tuple[float, float]:
    if not isinstance(value, list) or len(value) != 2:
        raise _fail(path, "a position is [x, y] in image pixels.")
    for number in value:
        if isinstance(number, bool) or not isinstance(number, int | float):
            raise _fail(path, "coordinates must be numbers.")
        if not math.isfinite(number):
            raise _fail(path, "coordinates must be finite numbers.")
    counter.positions += 1
    if counter.positions > MAX_POSITIONS:
        raise _fail("geometry", f"at most {MAX_POSITIONS} positions.")
    return (float(value[0]), float(value[1]))


def _positions(value: Any, path: str, counter: _Counter, minimum: int) -> list[tuple[float, float]]:
    if not isinstance(value, list) or len(value) < minimum:
        raise _fail(path, f"needs a list of at least {minimum} position(s).")
    return [_position(item, f"{path}.{index}", counter) for index, item in enumerate(value)]


def _polygon(value: Any, path: str, counter: _Counter) -> None:
    if not isinstance(value, list) or not value:
        raise _fail(path, "a polygon is a list of at least one linear ring.")
    for index, ring in enumerate(value):
        ring_path = f"{path}.{index}"
        points = _positions(ring, ring_path, counter, 4)
        if points[0] != points[-1]:
            raise _fail(ring_path, "a ring must be closed: its last position equals its first.")


def validate_geometry(geometry: Any) -> dict[str, Any]:
    """The geometry as stored; `InvalidInput` (field "geometry") naming where it is wrong."""
    if not isinstance(geometry, dict):
        raise _fail("geometry", "a GeoJSON geometry object is expected.")
    kind = geometry.get("type")
    if kind not in TYPES:
        raise _fail("geometry.type", f"must be one of {', '.join(TYPES)}.")
    extra = set(geometry) - {"type", "coordinates"}
    if extra:
        raise _fail("geometry", f"unexpected member(s): {', '.join(sorted(extra))}.")
    if "coordinates" not in geometry:
        raise _fail("geometry.coordinates", "is required.")
    coordinates = geometry["coordinates"]
    path = "geometry.coordinates"
    counter = _Counter()
    if kind == "Point":
        _position(coordinates, path, counter)
    elif kind == "MultiPoint":
        _positions(coordinates, path, counter, 1)
    elif kind == "LineString":
        _positions(coordinates, path, counter, 2)
    elif kind == "Polygon":
        _polygon(coordinates, path, counter)
    else:
        if not isinstance(coordinates, list) or not coordinates:
            raise _fail(path, "a multipolygon is a list of at least one polygon.")
        for index, polygon in enumerate(coordinates):
            _polygon(polygon, f"{path}.{index}", counter)
    return {"type": kind, "coordinates": coordinates}
