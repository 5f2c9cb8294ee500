import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";

// The real server with a fresh database and a real SMTP server that writes every email it
// receives into E2E_MAIL_DIR. Workers inherit the variable set here by the main process.
const port = Number(process.env.E2E_PORT ?? 8790);
process.env.E2E_MAIL_DIR ??= mkdtempSync(join(tmpdir(), "datashare-e2e-mail-"));
const baseURL = `http://127.0.0.1:${port}`;
process.env.E2E_BASE_URL = baseURL;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Generous: `make test` runs these beside the Python suites on a small machine.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    // E2E_DATABASE=postgres runs the same stories on PostgreSQL (TEST_POSTGRES_DSN).
    command: `.venv/bin/python -m tests.e2e.harness --port ${port} --mail-dir ${process.env.E2E_MAIL_DIR} --database ${process.env.E2E_DATABASE ?? "sqlite"}`,
    cwd: fileURLToPath(new URL("..", import.meta.url)),
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
