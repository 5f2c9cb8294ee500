import { expect, test, uniqueAddress } from "./fixtures";
import { createDataset, expectNoSidewaysScroll, signUpAndConfirm } from "./story";

test("at a phone's width nothing scrolls sideways, and the dialogs work by keyboard", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await signUpAndConfirm(page, "Alice", uniqueAddress("alice-with-a-rather-long-address"));
  await expectNoSidewaysScroll(page);

  await createDataset(page, "An MSI run whose name is long enough to wrap on a phone", "MSI run");
  await expectNoSidewaysScroll(page);

  await page.goto("/");
  const share = page.getByRole("button", { name: /^Share An MSI run/ });
  await share.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: /^Share An MSI run/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Recipients can modify the dataset")).toHaveCount(0);
  await expectNoSidewaysScroll(page);
  // Focus stays in the dialog and reaches its controls by Tab.
  await page.keyboard.press("Tab");
  const focusedInDialog = await dialog.evaluate((element) => element.contains(document.activeElement));
  expect(focusedInDialog).toBe(true);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(share).toBeFocused();

  await page.getByRole("button", { name: /^Manage access to An MSI run/ }).click();
  const access = page.getByRole("dialog", { name: /^Access to An MSI run/ });
  await expect(access.getByRole("switch", { name: "Public" })).toBeVisible();
  await expect(access.getByRole("columnheader", { name: "can modify" })).toHaveCount(0);
  await expectNoSidewaysScroll(page);
  await access.getByRole("button", { name: "Close" }).click();
  await expect(access).toBeHidden();

  await page.getByRole("link", { name: /^An MSI run/ }).click();
  await page.getByRole("button", { name: "Delete this dataset" }).click();
  const confirm = page.getByRole("dialog", { name: /^Delete An MSI run/ });
  await expectNoSidewaysScroll(page);
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("heading", { name: "Datasets" })).toBeVisible();
  await expect(page.getByText("No datasets here yet.")).toBeVisible();
});
