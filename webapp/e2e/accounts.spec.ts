import { expect, PASSWORD, test, uniqueAddress } from "./fixtures";
import { waitForLink } from "./mail";
import { logIn, signUpAndConfirm } from "./story";

test("sign up, confirm from the emailed link, log out and log in again", async ({ page }) => {
  const alice = uniqueAddress("alice");
  await page.goto("/signup");
  // A weak password comes back at the password field; what was typed stays.
  await page.getByLabel("Your name").fill("Alice");
  await page.getByLabel("Email address").fill(alice);
  await page.getByLabel(/^Password/).fill("short");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByText("Use at least 15 characters.")).toBeVisible();
  await expect(page.getByLabel("Email address")).toHaveValue(alice);

  await signUpAndConfirm(page, "Alice", alice);
  await expect(page.getByText("Alice", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("link", { name: "Log in" }).first()).toBeVisible();
  await page.goto("/login");
  await page.getByLabel("Email address").fill(alice);
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expect(page.getByLabel("Email address")).toHaveValue(alice);
  await logIn(page, alice);
});

test("reset a forgotten password from the emailed link", async ({ page }) => {
  const carol = uniqueAddress("carol");
  await signUpAndConfirm(page, "Carol", carol);
  await page.getByRole("button", { name: "Log out" }).click();

  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.getByLabel("Email address").fill(carol);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status")).toContainText(carol);

  const link = await waitForLink(carol, /reset/i);
  expect(new URL(link).pathname).toBe("/reset-password");
  await page.goto(link);
  const newPassword = "a brand new passphrase for carol";
  await page.getByLabel(/New password/).fill(newPassword);
  await page.getByRole("button", { name: "Save the password" }).click();
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();

  await page.getByRole("button", { name: "Log out" }).click();
  await page.goto("/login");
  await page.getByLabel("Email address").fill(carol);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await logIn(page, carol, newPassword);
});

test("an unknown path shows the app's not-found page", async ({ page }) => {
  await page.goto("/no/such/page");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});
