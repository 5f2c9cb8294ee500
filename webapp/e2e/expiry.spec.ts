import type { Page } from "@playwright/test";
import { expect, test, uniqueAddress } from "./fixtures";
import { createDataset, signUpAndConfirm } from "./story";

const DAY_MS = 24 * 60 * 60 * 1000;

/** A day `days` from now as a date input holds it, and as the page shows it, in the browser's own calendar. */
async function dayAhead(page: Page, days: number): Promise<{ value: string; shown: string }> {
  return page.evaluate((ahead) => {
    const date = new Date(Date.now() + ahead);
    const pad = (n: number) => String(n).padStart(2, "0");
    const value = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
    const end = new Date(date.getFullYear(), date.getMonth(), date.getDate(), 23, 59, 59);
    return { value, shown: end.toLocaleDateString() };
  }, days * DAY_MS);
}

test("share with an end date, see it in the access dialog, and extend it", async ({ page, openBrowser }) => {
  const bobAddress = uniqueAddress("bob");
  const bob = await openBrowser();
  await signUpAndConfirm(bob, "Bob", bobAddress);
  await signUpAndConfirm(page, "Alice", uniqueAddress("alice"));
  const name = "Cohort run, until the project ends";
  await createDataset(page, name, "MSI run");

  const soon = await dayAhead(page, 10);
  const later = await dayAhead(page, 40);
  await test.step("Alice shares it with Bob until a day ten days ahead", async () => {
    await page.goto("/");
    await page.getByRole("button", { name: `Share ${name}` }).click();
    const dialog = page.getByRole("dialog", { name: `Share ${name}` });
    await dialog.getByLabel("Email address 1").fill(bobAddress);
    await expect(dialog.getByText("Leave empty for access without an end.")).toBeVisible();
    await dialog.getByLabel("Access ends on (optional)").fill(soon.value);
    await expect(dialog.getByText(/reminded three days before/)).toBeVisible();
    await dialog.getByRole("button", { name: "Share", exact: true }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step("Bob sees it shared with him", async () => {
    await bob.goto("/");
    await expect(bob.getByRole("heading", { name })).toBeVisible();
  });

  await test.step("The access dialog shows the end; Alice extends it", async () => {
    await page.getByRole("button", { name: `Manage access to ${name}` }).click();
    const access = page.getByRole("dialog", { name: `Access to ${name}` });
    const row = access.getByRole("row").filter({ hasText: bobAddress });
    await expect(row.getByText(`Until ${soon.shown}`)).toBeVisible();
    await row.getByRole("button", { name: `Change access for Bob (${bobAddress})` }).click();
    const editor = row.getByRole("group", { name: `When access ends for Bob (${bobAddress})` });
    await expect(editor.getByLabel(`Access for Bob (${bobAddress}) ends on`)).toHaveValue(soon.value);
    await editor.getByLabel(`Access for Bob (${bobAddress}) ends on`).fill(later.value);
    await editor.getByRole("button", { name: "Save" }).click();
    await expect(row.getByText(`Until ${later.shown}`)).toBeVisible();
    await expect(editor).toBeHidden();

    // Reopened, the dialog shows what the server keeps.
    await access.getByRole("button", { name: "Close" }).click();
    await page.getByRole("button", { name: `Manage access to ${name}` }).click();
    await expect(page.getByRole("dialog", { name: `Access to ${name}` }).getByRole("row").filter({ hasText: bobAddress }).getByText(`Until ${later.shown}`)).toBeVisible();
  });
});
