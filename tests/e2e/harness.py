"""The real server, as the web app's end-to-end tests start it (from the repository root):

    .venv/bin/python -m tests.e2e.harness --port PORT --mail-dir DIR [--database sqlite|postgres]

- a fresh database with the migrations applied: SQLite in a temporary folder, or a
  PostgreSQL database (`TEST_POSTGRES_DSN`) that is dropped on exit;
- a real SMTP server (aiosmtpd) on a free loopback port; every email it receives is
  written to DIR as one JSON file `{"to", "subject", "text", "html"}`, named
  `NNNNNN-xxxxxxxx.json` in arrival order, and written under a temporary name first,
  so a reader never sees half a file;
- the app with its in-process email worker at http://127.0.0.1:PORT (also its
  `PUBLIC_URL`, so the links in emails open this server), serving the built web app.

`/healthz` answers 200 once all of it is ready. SIGTERM or SIGINT stop everything and
remove what was made.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import logging
import os
import secrets
import signal
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

import orjson
import uvicorn

from main import create_app
from services import database
from services.settings import load_settings
from tests import databases
from tests.mailbox import Mailbox, Received
from web.server import config as served_as

HOST = "127.0.0.1"
# Retries come quickly: a test that stops the SMTP server does not wait ten seconds.
EMAIL_RETRY_SECONDS = "0.2"


class MailDirectory(Mailbox):
    """The SMTP server, leaving each email it receives in a folder as JSON."""

    def __init__(self, directory: Path) -> None:
        super().__init__()
        self.directory = directory
        self.directory.mkdir(parents=True, exist_ok=True)
        self._numbers = itertools.count(1)

    def add(self, received: Received) -> None:
        # On the SMTP server's thread, one email at a time.
        name = f"{next(self._numbers):06d}-{secrets.token_hex(4)}.json"
        written = self.directory / f".{name}.partial"
        written.write_bytes(
            orjson.dumps(
                {
                    "to": received.to,
                    "subject": received.subject,
                    # Lines as a browser test reads them, not as SMTP carried them.
                    "text": received.text.replace("\r\n", "\n"),
                    "html": received.html.replace("\r\n", "\n"),
                },
                option=orjson.OPT_INDENT_2,
            )
        )
        os.replace(written, self.directory / name)
        super().add(received)


@dataclass
class Stopping:
    """Set by SIGTERM or SIGINT, whenever it comes: before, while or after serving."""

    requested: bool = False
    server: uvicorn.Server | None = None

    def handle(self, signum: int, frame: FrameType | None) -> None:
        self.requested = True
        if self.server is not None:
            self.server.should_exit = True


async def run(port: int, mail_dir: Path, kind: str, stopping: Stopping) -> None:
    async with contextlib.AsyncExitStack() as cleanup:
        scratch = Path(cleanup.enter_context(tempfile.TemporaryDirectory(prefix="datashare-e2e-")))
        database_url = await databases.create_database(scratch, kind)
        cleanup.push_async_callback(databases.drop_database, database_url)
        mailbox = MailDirectory(mail_dir)
        mailbox.start()
        cleanup.callback(mailbox.stop)
        public_url = f"http://{HOST}:{port}"
        settings = load_settings(
            env_file=None,
            overrides={
                "DATABASE_URL": database_url,
                "DATA_DIR": str(scratch / "data"),
                "HOST": HOST,
                "PORT": str(port),
                "PUBLIC_URL": public_url,
                "EMAIL_WORKER": "on",
                "EMAIL_RETRY_SECONDS": EMAIL_RETRY_SECONDS,
                "GRAPHQL_INTROSPECTION": "on",
                **mailbox.settings(),
            },
        )
        await database.migrate(settings)
        server = uvicorn.Server(served_as(create_app(settings), HOST, port, log_level="warning"))
        stopping.server = server
        if stopping.requested:
            return
        print(
            f"datashare e2e harness: {public_url} on {database_url}, emails in {mail_dir}, "
            f"web app from {settings.webapp_dir}",
            flush=True,
        )
        # uvicorn takes the signals while it serves and hands them back afterwards.
        await server.serve()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.e2e.harness", description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--mail-dir", type=Path, required=True)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    stopping = Stopping()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, stopping.handle)
    asyncio.run(run(args.port, args.mail_dir, args.database, stopping))


if __name__ == "__main__":
    main()
