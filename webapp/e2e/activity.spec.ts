import { expect, test, uniqueAddress } from "./fixtures";
import { makePng } from "./png";
import { createDataset, signUpAndConfirm } from "./story";

test("the owner shares and downloads, then reads it in the Activity tab; a recipient has no such tab", async ({ page, openBrowser }) => {
  const aliceAddress = uniqueAddress("alice");
  const bobAddress = uniqueAddress("bob");
  const name = "Glomeruli, PAS stain";
  const bob = await openBrowser();
  await signUpAndConfirm(bob, "Bob", bobAddress);
  let datasetUrl = "";

  await test.step("Alice creates an image, uploads it and shares it with Bob", async () => {
    await signUpAndConfirm(page, "Alice", aliceAddress);
    await createDataset(page, name, "Stained image", [{ name: "pas.png", mimeType: "image/png", buffer: makePng(320, 240) }]);
    await expect(page.getByText("pas.png")).toBeVisible();
    datasetUrl = page.url();
    await page.getByRole("button", { name: "Share", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: `Share ${name}` });
    await dialog.getByLabel("Share with other users").check();
    await dialog.getByLabel("Email address 1").fill(bobAddress);
    await dialog.getByLabel("Recipients can share my dataset too").check();
    await dialog.getByRole("button", { name: "Share", exact: true }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step("Alice downloads the file twice", async () => {
    for (let n = 0; n < 2; n += 1) {
      const download = page.waitForEvent("download");
      await page.getByRole("link", { name: "Download" }).click();
      expect((await download).suggestedFilename()).toBe("pas.png");
    }
  });

  await test.step("Alice opens the Activity tab and reads what happened, newest first", async () => {
    await page.getByRole("tab", { name: "Activity" }).click();
    const list = page.getByRole("list", { name: "Activity, newest first" });
    const entries = list.getByRole("listitem");
    // The image shown on the page and the two clicks on Download fetched the file within
    // the hour: one entry.
    await expect(entries).toHaveCount(4);
    await expect(entries.filter({ hasText: /Alice downloaded pas\.png \(\d/ })).toHaveCount(1);
    await expect(entries.filter({ hasText: `Alice shared with ${bobAddress} (can share)` })).toHaveCount(1);
    await expect(entries.nth(2)).toContainText(/Alice uploaded pas\.png/);
    await expect(entries.nth(3)).toContainText("Alice created the dataset");
    await page.getByRole("tab", { name: "Overview" }).click();
    await expect(page.getByRole("link", { name: "Download" })).toBeVisible();
  });

  await test.step("Bob, the recipient (still logged in), sees the dataset without an Activity tab", async () => {
    await bob.goto(datasetUrl);
    await expect(bob.getByRole("heading", { name })).toBeVisible();
    await expect(bob.getByRole("button", { name: "Leave this dataset" })).toBeVisible();
    await expect(bob.getByRole("tab", { name: "Activity" })).toHaveCount(0);
    await expect(bob.getByText("Alice created the dataset")).toHaveCount(0);
  });
});
