import type { Page } from "@playwright/test";
import { expect, PASSWORD } from "./fixtures";
import { waitForLink } from "./mail";

/** Sign up in the form, open the emailed confirmation link: logged in, on the list. */
export async function signUpAndConfirm(page: Page, name: string, address: string): Promise<void> {
  await page.goto("/signup");
  await fillSignUp(page, name, address);
  await confirmFromEmail(page, address);
  await expect(page.getByRole("heading", { name: "Datasets" })).toBeVisible();
}

export async function fillSignUp(page: Page, name: string, address: string | null): Promise<void> {
  await page.getByLabel("Your name").fill(name);
  if (address !== null) await page.getByLabel("Email address").fill(address);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByRole("heading", { name: "Check your mailbox" })).toBeVisible();
}

export async function confirmFromEmail(page: Page, address: string): Promise<void> {
  const link = await waitForLink(address, /confirm/i);
  expect(new URL(link).pathname).toBe("/verify-email");
  await page.goto(link);
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();
}

export async function logIn(page: Page, address: string, password = PASSWORD): Promise<void> {
  await page.goto("/login");
  await fillLogIn(page, address, password);
}

/** Fill in the log-in form on the page at hand. */
export async function fillLogIn(page: Page, address: string, password = PASSWORD): Promise<void> {
  await page.getByLabel("Email address").fill(address);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();
}


/** The page is no wider than the window: nothing scrolls sideways. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "sideways scroll").toBeLessThanOrEqual(0);
}

/** A file to choose in a file input: a path on disk, or a name with its bytes. */
export type ChosenFile = string | { name: string; mimeType: string; buffer: Buffer };

/**
 * From the list, create a dataset, choosing `files` in the form: it ends on the dataset's page,
 * once every chosen file has been uploaded.
 */
export async function createDataset(page: Page, name: string, kind: "Stained image" | "MSI run", files: ChosenFile[] = []): Promise<void> {
  await page.goto("/");
  await page.getByRole("link", { name: "New dataset" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel(kind).check();
  if (files.length > 0) await page.getByLabel("Files to upload").setInputFiles(files as Parameters<Page["setInputFiles"]>[1]);
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  const stored = page.getByRole("list", { name: "Stored files" });
  for (const file of files) {
    const filename = typeof file === "string" ? file.split("/").pop()! : file.name;
    await expect(stored.getByText(filename, { exact: true })).toBeVisible();
  }
  await expect(page.getByRole("progressbar")).toHaveCount(0);
}
