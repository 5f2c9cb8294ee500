"""Print the schema as SDL: `python -m schema.export > schema.graphql` (`make schema`).

The checked-in `schema.graphql` is what client code generators read; a test fails when it
differs from the live schema.
"""

from __future__ import annotations

import sys

from schema import build_schema
from services.settings import load_settings


def schema_sdl() -> str:
    # Settings change what a request may do (introspection), never the types.
    return build_schema(load_settings(env_file=None)).as_str() + "\n"


def main() -> None:
    sys.stdout.write(schema_sdl())


if __name__ == "__main__":
    main()
