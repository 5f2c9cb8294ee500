"""A server that receives request bodies and throws them away, served as datashare is
(`web.server`): the fastest any upload through this server can go on this machine, for
`bench.transfer` to print beside the uploads.

    .venv/bin/python -m bench.discard PORT
"""

from __future__ import annotations

import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import uvicorn

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from web.server import config

Message = dict[str, Any]


async def discard(
    scope: Message,
    receive: Callable[[], Awaitable[Message]],
    send: Callable[[Message], Awaitable[None]],
) -> None:
    if scope["type"] == "lifespan":
        while (await receive())["type"] != "lifespan.shutdown":
            await send({"type": "lifespan.startup.complete"})
        await send({"type": "lifespan.shutdown.complete"})
        return
    while (await receive()).get("more_body"):
        pass
    status = 200 if scope["path"] == "/healthz" else 204
    await send({"type": "http.response.start", "status": status, "headers": []})
    await send({"type": "http.response.body", "body": b""})


if __name__ == "__main__":
    uvicorn.Server(config(discard, "127.0.0.1", int(sys.argv[1]), log_level="warning")).run()
