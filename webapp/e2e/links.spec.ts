import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";
import { makePng } from "./png";
import { createDataset, signUpAndConfirm } from "./story";

const PROTOCOL = "Periodic acid-Schiff, 10 minutes.\n";

test("a reviewer opens an anonymous link without an account, downloads every file, and the revoked link ends", async ({ page, openBrowser }) => {
  const ownerName = "Alice Liddell";
  const ownerAddress = "alice.liddell@example.org";
  const name = "Renal biopsy for review";
  let url = "";

  await test.step("Alice uploads an image and marks a glomerulus on it", async () => {
    await signUpAndConfirm(page, ownerName, ownerAddress);
    await createDataset(page, name, "Stained image", [{ name: "biopsy.png", mimeType: "image/png", buffer: makePng(320, 240) }]);
    await expect(page.getByText("biopsy.png")).toBeVisible();
    await page.getByLabel("Add files").setInputFiles({ name: "staining-protocol.txt", mimeType: "text/plain", buffer: Buffer.from(PROTOCOL) });
    await expect(page.getByRole("list", { name: "Stored files" }).getByText("staining-protocol.txt")).toBeVisible();
    await page.getByRole("button", { name: "Point" }).click();
    const map = page.getByRole("img", { name: "The image with its annotations" });
    await expect(map.locator("canvas").first()).toBeVisible();
    await map.click();
    const editor = page.getByRole("form", { name: /Edit Point 1/ });
    await editor.getByLabel("Label").fill("Glomerulus");
    await editor.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("list", { name: "Annotations" }).getByText("Glomerulus")).toBeVisible();
  });

  await test.step("Alice makes an anonymous reviewer link and copies its URL, shown once", async () => {
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    const panel = page.getByRole("region", { name: "Reviewer links" });
    await panel.getByLabel("Label").fill("Reviewer 2, Nature Methods");
    await panel.getByLabel(/Anonymous/).check();
    await expect(panel.getByLabel("Allow download")).toBeChecked();
    await panel.getByRole("button", { name: "Create link" }).click();
    const field = panel.getByLabel("New reviewer link");
    await expect(field).toHaveValue(/\/l\/[A-Za-z0-9_-]{22,}$/);
    url = await field.inputValue();
    await panel.getByRole("button", { name: "Copy link" }).click();
    await expect(panel.getByRole("button", { name: "Copied" })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    const row = panel.getByRole("listitem", { name: "Reviewer 2, Nature Methods" });
    await expect(row).toContainText("Active");
    await expect(row).toContainText("0 uses");
    await expect(row).toContainText("Anonymous");
  });

  const reviewer = await openBrowser();

  await test.step("A reviewer with no account opens it: the data, never the owner", async () => {
    await reviewer.goto(url);
    await expect(reviewer.getByRole("heading", { name })).toBeVisible();
    const annotations = reviewer.getByRole("list", { name: "Annotations" });
    await expect(annotations.getByText("Glomerulus")).toBeVisible();
    await expect(annotations.getByText("by Anonymous")).toBeVisible();
    await expect(reviewer.getByRole("img", { name: "The image with its annotations" }).locator("canvas").first()).toBeVisible();
    await expect(reviewer.getByText("Anonymous").first()).toBeVisible();
    await expect(reviewer.getByRole("button", { name: "Point" })).toHaveCount(0);
    await expect(reviewer.getByRole("button", { name: "Log out" })).toHaveCount(0);
    const text = await reviewer.locator("body").innerText();
    expect(text).not.toContain("Alice");
    expect(text).not.toContain(ownerAddress);
    expect(text).not.toContain("Liddell");
  });

  await test.step("The reviewer sees every file and downloads each", async () => {
    const files = reviewer.getByRole("list", { name: "Files" });
    await expect(files.getByRole("listitem")).toHaveCount(2);
    let downloading = reviewer.waitForEvent("download");
    await files.getByRole("link", { name: "Download biopsy.png" }).click();
    let download = await downloading;
    expect(download.suggestedFilename()).toBe("biopsy.png");
    expect(await download.failure()).toBeNull();
    downloading = reviewer.waitForEvent("download");
    await files.getByRole("link", { name: "Download staining-protocol.txt" }).click();
    download = await downloading;
    expect(download.suggestedFilename()).toBe("staining-protocol.txt");
    expect(readFileSync(await download.path()).toString()).toBe(PROTOCOL);
  });

  await test.step("Through a link that allows no download, the files are listed without download links", async () => {
    const panel = page.getByRole("region", { name: "Reviewer links" });
    await panel.getByLabel("Label").fill("Editor, look only");
    await panel.getByLabel("Allow download").uncheck();
    await panel.getByRole("button", { name: "Create link" }).click();
    const field = panel.getByLabel("New reviewer link");
    await expect(field).not.toHaveValue(url);
    const lookOnly = await openBrowser();
    await lookOnly.goto(await field.inputValue());
    const files = lookOnly.getByRole("list", { name: "Files" });
    await expect(files.getByText("biopsy.png")).toBeVisible();
    await expect(files.getByText("staining-protocol.txt")).toBeVisible();
    await expect(lookOnly.getByRole("link", { name: /^Download/ })).toHaveCount(0);
    await expect(lookOnly.getByText("Downloads are not allowed through this link.")).toBeVisible();
  });

  await test.step("Alice sees the use, and revokes the link", async () => {
    await page.reload();
    const panel = page.getByRole("region", { name: "Reviewer links" });
    const row = panel.getByRole("listitem", { name: "Reviewer 2, Nature Methods" });
    await expect(row).toContainText("1 use");
    await expect(row).toContainText("last");
    await expect(panel.getByLabel("New reviewer link")).toHaveCount(0); // never shown again
    await row.getByRole("button", { name: "Revoke Reviewer 2, Nature Methods" }).click();
    await expect(row).toContainText("Revoked");
  });

  await test.step("The reviewer's link no longer works", async () => {
    await reviewer.reload();
    await expect(reviewer.getByRole("heading", { name: "This link is no longer valid" })).toBeVisible();
    await expect(reviewer.getByText(name)).toHaveCount(0);
  });
});
