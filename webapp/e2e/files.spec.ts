import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page, Route } from "@playwright/test";
import { expect, test, uniqueAddress } from "./fixtures";
import { ibd, imzml, newRun, onDisk } from "./msi";
import { createDataset, expectNoSidewaysScroll, signUpAndConfirm } from "./story";

const MIB = 1024 * 1024;
const CHUNK = 8 * MIB; // the app's tus chunk
const UPLOADS = "**/uploads/datasets/*/files/*";
const screenshots = fileURLToPath(new URL("../../docs/screenshots/", import.meta.url));

function card(page: Page, name: string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { name }) });
}

/**
 * A slow network: PATCHes past the first `answered` are held, never reaching the server,
 * so the test can pause or reload while one chunk is stored and the next is on its way.
 */
async function holdChunks(page: Page, answered: number) {
  let patches = 0;
  const held: Route[] = [];
  let holding = () => {};
  const firstHeld = new Promise<void>((resolve) => (holding = resolve));
  const handler = async (route: Route) => {
    if (route.request().method() !== "PATCH" || (patches += 1) <= answered) return route.continue();
    held.push(route);
    holding();
  };
  await page.route(UPLOADS, handler);
  return {
    firstHeld,
    release: async () => {
      await page.unroute(UPLOADS, handler);
      // Their requests were given up by the page (paused, or reloaded away).
      for (const route of held) await route.abort().catch(() => {});
    },
  };
}

/** The tus requests the page sends: each PATCH's offset and checksum, and the creations. */
function watchTus(page: Page) {
  const seen = { patches: [] as { offset: number; checksum: string | undefined }[], creations: 0 };
  page.on("request", (request) => {
    if (!/\/uploads\/datasets\/[^/]+\/files(\/|$)/.test(new URL(request.url()).pathname)) return;
    if (request.method() === "POST") seen.creations += 1;
    if (request.method() === "PATCH") {
      const headers = request.headers();
      seen.patches.push({ offset: Number(headers["upload-offset"]), checksum: headers["upload-checksum"] });
    }
  });
  return seen;
}

test("an owner uploads an MSI run's files resumably, sees it incomplete then complete, pauses, resumes after a reload, downloads and deletes", async ({ page }) => {
  const name = "Liver run, resumable";
  const run = newRun();
  const files = onDisk({
    "raw.imzML": imzml(run),
    "raw.ibd": ibd(run, 20 * MIB - 16),
    "calibration.dat": randomBytes(20 * MIB),
  });
  const stored = page.getByRole("list", { name: "Stored files" });
  const incomplete = page.getByRole("status", { name: "Incomplete MSI run" });
  const tus = watchTus(page);

  await test.step("Olga creates an MSI dataset and uploads its .imzML alone: the run is incomplete", async () => {
    await signUpAndConfirm(page, "Olga", uniqueAddress("olga"));
    await createDataset(page, name, "MSI run");

    await page.getByLabel("Add files").setInputFiles(files["raw.imzML"]);
    await expect(stored.getByText("raw.imzML")).toBeVisible();
    await expect(incomplete).toContainText("raw.imzML needs its binary data file, raw.ibd.");

    await page.goto("/");
    await expect(card(page, name).getByRole("img", { name: "Incomplete MSI run" })).toBeVisible();
    await card(page, name).getByRole("link", { name }).click();
    await expect(incomplete).toBeVisible();
  });

  await test.step("she uploads the matching .ibd, pausing it after its first chunk and resuming it: the run is complete", async () => {
    const network = await holdChunks(page, 1);
    await page.getByLabel("Add files").setInputFiles(files["raw.ibd"]);
    await network.firstHeld;
    await page.getByRole("button", { name: "Pause raw.ibd" }).click();
    await expect(page.getByText("Paused at 40% of 21.0 MB")).toBeVisible();
    await network.release();
    // The same names, sizes and progress every run: the README's picture of it.
    mkdirSync(screenshots, { recursive: true });
    await page.getByRole("region", { name: "Files" }).screenshot({ path: `${screenshots}files.png` });

    await page.getByRole("button", { name: "Resume raw.ibd" }).click();
    await expect(stored.getByText("raw.ibd")).toBeVisible();
    await expect(page.getByText(/Complete MSI run/)).toBeVisible();
    await expect(incomplete).toHaveCount(0);
    await expect(page.getByRole("progressbar")).toHaveCount(0);

    // Resumed where the server stood, never from the start; every chunk checksummed.
    expect(tus.patches.map((patch) => patch.offset)).toEqual([0, 0, CHUNK, CHUNK, 2 * CHUNK]);
    expect(tus.patches.every((patch) => /^sha256 [A-Za-z0-9+/]{43}=$/.test(patch.checksum ?? ""))).toBe(true);

    await page.goto("/");
    await expect(card(page, name)).toBeVisible();
    await expect(card(page, name).getByRole("img", { name: "Incomplete MSI run" })).toHaveCount(0);
    await card(page, name).getByRole("link", { name }).click();
  });

  await test.step("a reload interrupts another upload; choosing the file again goes on from the stored chunk", async () => {
    const network = await holdChunks(page, 1);
    await page.getByLabel("Add files").setInputFiles(files["calibration.dat"]);
    await network.firstHeld;
    await page.reload();
    await network.release();

    const unfinished = page.getByRole("list", { name: "Unfinished uploads" });
    await expect(unfinished).toContainText("calibration.dat");
    await expect(unfinished).toContainText("40% of 21.0 MB sent: choose it again to resume.");
    const creations = tus.creations;
    const patches = tus.patches.length;
    await page.getByLabel("Add files").setInputFiles(files["calibration.dat"]);
    await expect(stored.getByText("calibration.dat")).toBeVisible();
    await expect(unfinished).toHaveCount(0);
    expect(tus.creations).toBe(creations);
    expect(tus.patches.slice(patches).map((patch) => patch.offset)).toEqual([CHUNK, 2 * CHUNK]);
  });

  await test.step("she downloads the .imzML, then deletes two files: the run is incomplete again", async () => {
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download raw.imzML" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("raw.imzML");
    expect(readFileSync(await download.path())).toEqual(readFileSync(files["raw.imzML"]));

    await page.getByRole("button", { name: "Delete calibration.dat" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete calibration.dat?" });
    await dialog.getByRole("button", { name: "Delete the file" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(stored.getByText("calibration.dat")).toHaveCount(0);
    await expect(page.getByText(/Complete MSI run/)).toBeVisible();

    await page.getByRole("button", { name: "Delete raw.ibd" }).click();
    await page.getByRole("dialog", { name: "Delete raw.ibd?" }).getByRole("button", { name: "Delete the file" }).click();
    await expect(stored.getByText("raw.ibd")).toHaveCount(0);
    await expect(incomplete).toContainText("raw.imzML needs its binary data file, raw.ibd.");
    await expect(stored.getByRole("listitem")).toHaveCount(1);

    // At a phone's width, the files, the problems and the uploads fit.
    await page.setViewportSize({ width: 390, height: 800 });
    await expectNoSidewaysScroll(page);
  });
});

test("a run's files chosen when creating the dataset are sent resumably from its page, each with its progress", async ({ page }) => {
  const name = "Liver run, chosen at creation";
  const run = newRun();
  const files = onDisk({ "run.imzML": imzml(run), "run.ibd": ibd(run, 12 * MIB - 16) });
  const tus = watchTus(page);
  await signUpAndConfirm(page, "Olga", uniqueAddress("olga"));
  await page.goto("/datasets/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("MSI run").check();
  await page.getByLabel("Files to upload").setInputFiles([files["run.imzML"], files["run.ibd"]]);
  await expect(page.getByRole("list", { name: "Chosen files" }).getByRole("listitem")).toHaveCount(2);
  const network = await holdChunks(page, 0);
  await page.getByRole("button", { name: "Create" }).click();

  // On the dataset's page at once, the files on their way with their progress.
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await network.firstHeld;
  for (const file of ["run.imzML", "run.ibd"]) {
    await expect(page.getByRole("progressbar", { name: `Upload of ${file}` })).toBeVisible();
    await page.getByRole("button", { name: `Pause ${file}` }).click();
  }
  await network.release();
  for (const file of ["run.imzML", "run.ibd"]) await page.getByRole("button", { name: `Resume ${file}` }).click();

  const stored = page.getByRole("list", { name: "Stored files" });
  await expect(stored.getByText("run.imzML")).toBeVisible();
  await expect(stored.getByText("run.ibd")).toBeVisible();
  await expect(page.getByText(/Complete MSI run/)).toBeVisible();
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  // One upload per file, never started twice.
  expect(tus.creations).toBe(2);
  await page.reload();
  await expect(stored.getByRole("listitem")).toHaveCount(2);
  await expect(page.getByRole("progressbar")).toHaveCount(0);
});
