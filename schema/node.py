"""The Relay `Node` interface with opaque global ids."""

from __future__ import annotations

import strawberry


@strawberry.interface(description="An object with an opaque, globally unique id.")
class Node:
    id: strawberry.ID = strawberry.field(description="Opaque global id; pass it to `node(id:)`.")
