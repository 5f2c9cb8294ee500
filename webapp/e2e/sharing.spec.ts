import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { waitForEmail, waitForLink } from "./mail";
import { confirmFromEmail, createDataset, expectNoSidewaysScroll, fillLogIn, fillSignUp, signUpAndConfirm } from "./story";
import { makePng } from "./png";

const screenshots = fileURLToPath(new URL("../../docs/screenshots/", import.meta.url));

function card(page: Page, name: string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { name }) });
}

// Every run starts from a fresh database, so the story's people have plain addresses, and its
// screenshots come out the same each time.
test("share an image with a recipient who annotates it, manage access, then share with everyone", async ({ page, openBrowser }) => {
  const aliceAddress = "alice@example.org";
  const bobAddress = "bob@example.org";
  const carolAddress = "carol@example.org";
  const daveAddress = "dave@example.org";
  const carol = await openBrowser();
  await signUpAndConfirm(carol, "Carol", carolAddress);
  await carol.getByRole("button", { name: "Log out" }).click();
  const name = "Kidney section, H&E";

  await test.step("Alice signs up, creates an image dataset and uploads its file", async () => {
    await page.setViewportSize({ width: 1280, height: 900 }); // the whole share dialog in its screenshot
    await signUpAndConfirm(page, "Alice", aliceAddress);
    await createDataset(page, "Liver run, positive mode", "MSI run");
    await createDataset(page, name, "Stained image", [{ name: "kidney.png", mimeType: "image/png", buffer: makePng(320, 240) }]);
    await expect(page.getByRole("heading", { name })).toBeVisible();
    await expect(page.getByText("kidney.png")).toBeVisible();
    await expect(page.getByRole("link", { name: "Download" })).toHaveAttribute("href", /\/files\/datasets\//);
    await expect(page.getByRole("img", { name: "Private" })).toBeVisible();
  });

  await test.step("Alice shares it with a bad and a good address: the bad one is marked", async () => {
    await page.goto("/");
    const aliceCard = card(page, name);
    await expect(aliceCard.getByRole("img", { name: "Owner" })).toBeVisible();
    await expect(aliceCard.getByRole("img", { name: "Private" })).toHaveAttribute("title", "Private");
    await aliceCard.getByRole("button", { name: `Share ${name}` }).click();
    const dialog = page.getByRole("dialog", { name: `Share ${name}` });
    await expect(dialog.getByLabel("Share with everyone")).toBeVisible();
    await dialog.getByLabel("Share with other users").check();
    await dialog.getByLabel("Email address 1").fill("not-an-address");
    await dialog.getByRole("button", { name: "Add another address" }).click();
    await dialog.getByLabel("Email address 2").fill(bobAddress);
    await dialog.getByRole("button", { name: "Add another address" }).click();
    await dialog.getByLabel("Email address 3").fill(carolAddress);
    await dialog.getByRole("button", { name: "Add another address" }).click();
    await dialog.getByLabel("Email address 4").fill(daveAddress);
    await dialog.getByLabel("Message").fill("Could you mark the glomeruli?");
    await dialog.getByLabel("Recipients can modify the dataset").check();
    await expect(dialog.getByLabel("Notify by email")).toBeChecked();
    await dialog.getByRole("button", { name: "Share", exact: true }).click();
    await expect(dialog.getByLabel("Email address 1")).toHaveAttribute("aria-invalid", "true");
    await expect(dialog.getByLabel("Email address 2")).not.toHaveAttribute("aria-invalid", "true");
    await expect(dialog.getByLabel("Email address 2")).toHaveValue(bobAddress);
    mkdirSync(screenshots, { recursive: true });
    await dialog.screenshot({ path: `${screenshots}share-dialog.png` });

    await dialog.getByRole("button", { name: "Remove address 1" }).click();
    await dialog.getByRole("button", { name: "Share", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(aliceCard.getByRole("img", { name: "Available" })).toBeVisible();
  });

  await test.step("Carol, who has an account, opens the invitation link and logs in to see it", async () => {
    const invitation = await waitForLink(carolAddress, /shared/);
    expect(new URL(invitation).pathname).toMatch(/^\/datasets\//);
    await carol.goto(invitation);
    await carol.getByRole("main").getByRole("link", { name: "log in" }).click();
    await fillLogIn(carol, carolAddress);
    await expect(carol.getByRole("heading", { name })).toBeVisible();
    await expect(carol.getByRole("img", { name: "Shared with me" })).toBeVisible();

    await carol.getByRole("button", { name: "Leave this dataset" }).click();
    await carol.getByRole("dialog", { name: `Leave ${name}?` }).getByRole("button", { name: "Leave this dataset" }).click();
    await expect(carol.getByRole("heading", { name: "Datasets" })).toBeVisible();
    await expect(carol.getByRole("heading", { name })).toHaveCount(0);
  });

  const bob = await openBrowser();
  await test.step("Bob opens the invitation, signs up with the invited address and finds the dataset", async () => {
    const invitation = await waitForLink(bobAddress, /invited you/);
    await bob.goto(invitation);
    await expect(bob.getByRole("heading", { name: "Sign up" })).toBeVisible();
    await expect(bob.getByLabel("Email address")).toHaveValue(bobAddress);
    await fillSignUp(bob, "Bob", null);
    // The confirmation link logs him in and goes on to the dataset he was invited to.
    await confirmFromEmail(bob, bobAddress);
    await expect(bob.getByRole("heading", { name })).toBeVisible();
    await bob.getByRole("link", { name: "datashare" }).click();
    const bobCard = card(bob, name);
    await expect(bobCard.getByRole("img", { name: "Shared with me" })).toBeVisible();
    await expect(bobCard.getByRole("img", { name: "Available" })).toBeVisible();
    await bobCard.getByRole("link", { name }).click();
  });

  await test.step("Bob draws a point on the image and labels it", async () => {
    await expect(bob.getByRole("heading", { name })).toBeVisible();
    await bob.getByRole("button", { name: "Point" }).click();
    const map = bob.getByRole("img", { name: "The image with its annotations" });
    await expect(map.locator("canvas").first()).toBeVisible();
    await map.click();
    const editor = bob.getByRole("form", { name: /Edit Point 1/ });
    await expect(editor).toBeVisible();
    await editor.getByLabel("Label").fill("Glomerulus");
    await editor.getByLabel("Note").fill("A nice one.");
    await editor.getByRole("button", { name: "Save" }).click();
    await expect(bob.getByRole("list", { name: "Annotations" }).getByText("Glomerulus")).toBeVisible();

    // A rectangle from two corners, a polygon finished by a double click; then one is deleted.
    const box = (await map.boundingBox())!;
    await bob.getByRole("button", { name: "Rectangle" }).click();
    await bob.mouse.click(box.x + box.width * 0.2, box.y + box.height * 0.2);
    await bob.mouse.click(box.x + box.width * 0.4, box.y + box.height * 0.4);
    await expect(bob.getByRole("form", { name: /Edit Rectangle 2/ })).toBeVisible();
    await bob.getByRole("button", { name: "Polygon" }).click();
    await bob.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.6);
    await bob.mouse.click(box.x + box.width * 0.8, box.y + box.height * 0.6);
    await bob.mouse.dblclick(box.x + box.width * 0.7, box.y + box.height * 0.8);
    const polygon = bob.getByRole("form", { name: /Edit Polygon 3/ });
    await expect(polygon).toBeVisible();
    await polygon.getByRole("button", { name: "Delete" }).click();
    const annotations = bob.getByRole("list", { name: "Annotations" });
    await expect(annotations.getByRole("listitem")).toHaveCount(2);
    await expect(annotations.getByText("Rectangle 2")).toBeVisible();
  });

  await test.step("Alice lets Bob share, stops him modifying, then revokes his access", async () => {
    await page.reload();
    await card(page, name).getByRole("button", { name: `Manage access to ${name}` }).click();
    const dialog = page.getByRole("dialog", { name: `Access to ${name}` });
    const bobRow = `Bob (${bobAddress})`;
    await expect(dialog.getByRole("rowheader", { name: new RegExp(`Alice .*Owner`) })).toBeVisible();
    const canShare = dialog.getByRole("switch", { name: `${bobRow} can share` });
    const canModify = dialog.getByRole("switch", { name: `${bobRow} can modify` });
    await expect(canShare).not.toBeChecked();
    await expect(canModify).toBeChecked();
    await canShare.click();
    await expect(canShare).toBeChecked();
    await canModify.click();
    await expect(canModify).not.toBeChecked();
    await waitForEmail(daveAddress, /invited you/);
    await dialog.getByRole("button", { name: `Resend the invitation to ${daveAddress}` }).click();
    await expect(dialog.getByRole("status")).toHaveText("The invitation was sent again.");
    await waitForEmail(daveAddress, /invited you/);

    await dialog.getByRole("button", { name: `Remove access for ${bobRow}` }).click();
    await expect(dialog.getByText(bobAddress)).toBeHidden();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();

    await bob.reload();
    await expect(bob.getByRole("heading", { name: "Not found" })).toBeVisible();
  });

  await test.step("Alice shares it with everyone", async () => {
    await card(page, name).getByRole("button", { name: `Share ${name}` }).click();
    const dialog = page.getByRole("dialog", { name: `Share ${name}` });
    await dialog.getByLabel("Share with everyone").check();
    await dialog.getByRole("button", { name: "Share", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(card(page, name).getByRole("img", { name: "Public" })).toBeVisible();
    await page.mouse.move(0, 0); // no hover left over from the dialog
    await page.screenshot({ path: `${screenshots}list.png` });
  });

  await test.step("Someone without an account sees it and its annotation, at a phone's width", async () => {
    const visitor = await openBrowser();
    await visitor.setViewportSize({ width: 390, height: 800 });
    await visitor.goto("/");
    await expect(visitor.getByRole("link", { name: "Log in" }).first()).toBeVisible();
    const visitorCard = card(visitor, name);
    await expect(visitorCard.getByRole("img", { name: "Public" })).toBeVisible();
    await expect(visitorCard.getByRole("button", { name: `Share ${name}` })).toHaveCount(0);
    await expectNoSidewaysScroll(visitor);
    await visitorCard.getByRole("link", { name }).click();
    await expect(visitor.getByRole("list", { name: "Annotations" }).getByText("Glomerulus")).toBeVisible();
    await expect(visitor.getByRole("button", { name: "Point" })).toHaveCount(0);
    await expectNoSidewaysScroll(visitor);
  });
});
