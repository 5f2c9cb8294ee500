"""Which GeoJSON geometries an annotation accepts, and what each refusal names."""

from __future__ import annotations

from typing import Any

import pytest

from services.errors import InvalidInput
from services.geometry import MAX_POSITIONS, validate_geometry

SQUARE = [[0, 0], [10, 0], [10, 10], [0, 0]]

ACCEPTED = [
    {"type": "Point", "coordinates": [1, 2.5]},
    {"type": "MultiPoint", "coordinates": [[1, 2], [3, 4]]},
    {"type": "LineString", "coordinates": [[0, 0], [5, 5]]},
    {"type": "Polygon", "coordinates": [SQUARE]},
    {"type": "Polygon", "coordinates": [SQUARE, [[2, 2], [3, 2], [3, 3], [2, 2]]]},
    {"type": "MultiPolygon", "coordinates": [[SQUARE], [SQUARE]]},
    {"type": "Point", "coordinates": [-4, 1e6]},
]


@pytest.mark.parametrize("geometry", ACCEPTED)
def test_accepted(geometry: dict[str, Any]) -> None:
    assert validate_geometry(geometry) == geometry


REFUSED = [
    ("not an object", "geometry"),
    ({"type": "Circle", "coordinates": [0, 0]}, "geometry.type"),
    ({"type": "Point"}, "geometry.coordinates"),
    ({"type": "Point", "coordinates": [0, 0], "crs": {}}, "unexpected member"),
    ({"type": "Point", "coordinates": [0]}, "geometry.coordinates"),
    ({"type": "Point", "coordinates": [0, 0, 0]}, "geometry.coordinates"),
    ({"type": "Point", "coordinates": ["1", 2]}, "numbers"),
    ({"type": "Point", "coordinates": [True, 2]}, "numbers"),
    ({"type": "Point", "coordinates": [float("nan"), 2]}, "finite"),
    ({"type": "Point", "coordinates": [float("inf"), 2]}, "finite"),
    ({"type": "MultiPoint", "coordinates": []}, "at least 1"),
    ({"type": "LineString", "coordinates": [[0, 0]]}, "at least 2"),
    ({"type": "Polygon", "coordinates": []}, "at least one linear ring"),
    ({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [0, 0]]]}, "at least 4"),
    ({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]}, "closed"),
    (
        {"type": "MultiPolygon", "coordinates": [[[[0, 0], [1, 1], [0, 0]]]]},
        "geometry.coordinates.0.0",
    ),
    ({"type": "MultiPolygon", "coordinates": []}, "at least one polygon"),
]


@pytest.mark.parametrize(("geometry", "named"), REFUSED)
def test_refused(geometry: Any, named: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        validate_geometry(geometry)
    assert refused.value.field == "geometry"
    assert named in refused.value.message


def test_at_most_ten_thousand_positions() -> None:
    line = [[i, i] for i in range(MAX_POSITIONS)]
    assert validate_geometry({"type": "LineString", "coordinates": line})
    with pytest.raises(InvalidInput, match="at most 10000 positions"):
        validate_geometry({"type": "LineString", "coordinates": [*line, [0, 0]]})
