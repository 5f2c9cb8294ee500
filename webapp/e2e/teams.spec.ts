import type { Page } from "@playwright/test";
import { expect, test, uniqueAddress } from "./fixtures";
import { createDataset, signUpAndConfirm } from "./story";

function card(page: Page, name: string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { name }) });
}

test("share a dataset with a team: a member sees it, and loses it when removed", async ({ page, openBrowser }) => {
  const alice = uniqueAddress("alice");
  const bob = uniqueAddress("bob");
  const team = `Imaging lab ${Date.now().toString(36)}`;
  const name = `Liver run ${Date.now().toString(36)}`;
  const bobPage = await openBrowser();
  await signUpAndConfirm(bobPage, "Bob", bob);

  await test.step("Alice creates a team on /teams and adds Bob by address", async () => {
    await signUpAndConfirm(page, "Alice", alice);
    await page.getByRole("link", { name: "Teams" }).click();
    await expect(page.getByRole("heading", { name: "Teams", level: 1 })).toBeVisible();
    await page.getByLabel("Team name").fill(team);
    await page.getByRole("button", { name: "Create team" }).click();
    const section = page.getByRole("region", { name: team });
    await expect(section).toBeVisible();
    await section.getByLabel(`Add to ${team} by email`).fill(`${bob}, not-an-address`);
    await section.getByRole("button", { name: "Add members" }).click();
    await expect(section.getByText("Not a valid email address: 'not-an-address'.")).toBeVisible();
    await section.getByLabel(`Add to ${team} by email`).fill(bob);
    await section.getByRole("button", { name: "Add members" }).click();
    await expect(section.getByRole("rowheader", { name: new RegExp(bob) })).toBeVisible();
    await expect(section.getByLabel(`Role of ${bob}`)).toHaveValue("MEMBER");
  });

  await test.step("Alice shares a dataset with the team, picked beside the addresses", async () => {
    await createDataset(page, name, "MSI run");
    await page.goto("/");
    await card(page, name).getByRole("button", { name: `Share ${name}` }).click();
    const dialog = page.getByRole("dialog", { name: `Share ${name}` });
    await dialog.getByLabel(`Team ${team}`).check();
    await dialog.getByRole("button", { name: "Share", exact: true }).click();
    await expect(dialog).toBeHidden();
    await card(page, name).getByRole("button", { name: `Manage access to ${name}` }).click();
    const access = page.getByRole("dialog", { name: new RegExp(name) });
    await expect(access.getByRole("rowheader", { name: new RegExp(`Team ${team}`) })).toBeVisible();
    await access.getByRole("button", { name: "Close" }).first().click();
  });

  await test.step("Bob sees it shared with him", async () => {
    await bobPage.goto("/");
    await expect(card(bobPage, name).getByRole("img", { name: "Shared with me" })).toBeVisible();
  });

  await test.step("Alice removes Bob from the team: he no longer sees it", async () => {
    await page.goto("/teams");
    const section = page.getByRole("region", { name: team });
    await section.getByRole("button", { name: `Remove ${bob} from ${team}` }).click();
    await expect(section.getByRole("rowheader", { name: new RegExp(bob) })).toBeHidden();
    await bobPage.goto("/");
    await expect(bobPage.getByRole("heading", { name: "Datasets" })).toBeVisible();
    await expect(card(bobPage, name)).toHaveCount(0);
    await bobPage.goto("/teams");
    await expect(bobPage.getByText("You are in no team yet.")).toBeVisible();
  });
});
