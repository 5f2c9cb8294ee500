import type { APIRequestContext, Page } from "@playwright/test";
import { expect, PASSWORD, test, uniqueAddress } from "./fixtures";
import { ibd, imzml, newRun } from "./msi";
import { createDataset, signUpAndConfirm } from "./story";

const LOG_IN = `mutation($i: LogInInput!) { logIn(input: $i) { token errors { message } } }`;
const CREATE = `mutation($i: CreateDatasetInput!) { createDataset(input: $i) { dataset { id } errors { message } } }`;
const SHARE = `mutation($i: ShareDatasetInput!) { shareDataset(input: $i) { grants { id } errors { message } } }`;
const REVOKE = `mutation($i: RevokeAccessInput!) { revokeAccess(input: $i) { errors { message } } }`;

/** A GraphQL call as another program would make it, with a bearer token. */
async function api(request: APIRequestContext, query: string, variables: object, token?: string) {
  const response = await request.post("/graphql", {
    data: { query, variables },
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.errors).toBeUndefined();
  return body.data;
}

function card(page: Page, name: string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { name }) });
}

test("a recipient's open list shows a new share without a reload, and loses it with a notice when revoked", async ({ page, openBrowser, request }) => {
  const ownerAddress = uniqueAddress("olga");
  const recipientAddress = uniqueAddress("rita");
  const name = "Liver run, live";
  await signUpAndConfirm(await openBrowser(), "Olga", ownerAddress);
  await signUpAndConfirm(page, "Rita", recipientAddress);
  await expect(page.getByText("No datasets here yet.")).toBeVisible();

  const token = (await api(request, LOG_IN, { i: { email: ownerAddress, password: PASSWORD } })).logIn.token;
  const datasetId = (await api(request, CREATE, { i: { name, kind: "MSI" } }, token)).createDataset.dataset.id;

  const shared = await api(request, SHARE, { i: { datasetId, emails: [recipientAddress], notify: false } }, token);
  await expect(card(page, name)).toBeVisible();
  await expect(card(page, name).getByRole("img", { name: "Shared with me" })).toBeVisible();

  await api(request, REVOKE, { i: { grantId: shared.shareDataset.grants[0].id } }, token);
  await expect(card(page, name)).toHaveCount(0);
  await expect(page.getByRole("status")).toHaveText(`“${name}” is no longer available to you.Dismiss`);
});

test("an owner's other tabs show a file added in one tab without a reload: the files, the run's problems and the open Activity tab", async ({ page }) => {
  const name = "Kidney run, two tabs";
  const run = newRun();
  await signUpAndConfirm(page, "Olga", uniqueAddress("olga"));
  await createDataset(page, name, "MSI run", [{ name: "kidney.imzML", mimeType: "application/octet-stream", buffer: imzml(run) }]);
  const datasetUrl = page.url();
  await expect(page.getByRole("status", { name: "Incomplete MSI run" })).toContainText("kidney.imzML needs its binary data file, kidney.ibd.");

  const overview = await page.context().newPage();
  await overview.goto(datasetUrl);
  const stored = overview.getByRole("list", { name: "Stored files" });
  await expect(stored.getByRole("listitem")).toHaveCount(1);
  await expect(overview.getByRole("status", { name: "Incomplete MSI run" })).toBeVisible();
  const activity = await page.context().newPage();
  await activity.goto(datasetUrl);
  await activity.getByRole("tab", { name: "Activity" }).click();
  const entries = activity.getByRole("list", { name: "Activity, newest first" });
  await expect(entries.getByText("Olga uploaded kidney.imzML", { exact: false })).toBeVisible();
  await expect(entries.getByText("uploaded kidney.ibd", { exact: false })).toHaveCount(0);

  await page.getByLabel("Add files").setInputFiles({ name: "kidney.ibd", mimeType: "application/octet-stream", buffer: ibd(run, 4096) });
  await expect(page.getByRole("list", { name: "Stored files" }).getByText("kidney.ibd")).toBeVisible();

  await expect(stored.getByText("kidney.ibd")).toBeVisible();
  await expect(stored.getByRole("listitem")).toHaveCount(2);
  await expect(overview.getByText(/Complete MSI run/)).toBeVisible();
  await expect(overview.getByRole("status", { name: "Incomplete MSI run" })).toHaveCount(0);
  await expect(entries.getByText("Olga uploaded kidney.ibd", { exact: false })).toBeVisible();
});

const CREATE_TEAM = `mutation($i: CreateTeamInput!) { createTeam(input: $i) { team { id } errors { message } } }`;
const ADD_MEMBERS = `mutation($i: AddTeamMembersInput!) { addTeamMembers(input: $i) { team { id } errors { message } } }`;

test("a member's open list loses a team's dataset with a notice when a manager removes them from the team", async ({ page, openBrowser, request }) => {
  const managerAddress = uniqueAddress("mona");
  const memberAddress = uniqueAddress("theo");
  const team = `Kidney lab ${Date.now().toString(36)}`;
  const name = `Kidney run, team ${Date.now().toString(36)}`;
  const managerPage = await openBrowser();
  await signUpAndConfirm(managerPage, "Mona", managerAddress);
  await signUpAndConfirm(page, "Theo", memberAddress);

  const token = (await api(request, LOG_IN, { i: { email: managerAddress, password: PASSWORD } })).logIn.token;
  const teamId = (await api(request, CREATE_TEAM, { i: { name: team } }, token)).createTeam.team.id;
  await api(request, ADD_MEMBERS, { i: { teamId, emails: [memberAddress], notify: false } }, token);
  const datasetId = (await api(request, CREATE, { i: { name, kind: "MSI" } }, token)).createDataset.dataset.id;
  await api(request, SHARE, { i: { datasetId, emails: [], teamIds: [teamId] } }, token);

  // Theo's list is open; the team's dataset arrives live.
  await expect(card(page, name).getByRole("img", { name: "Shared with me" })).toBeVisible();

  await managerPage.goto("/teams");
  const section = managerPage.getByRole("region", { name: team });
  await section.getByRole("button", { name: `Remove ${memberAddress} from ${team}` }).click();
  await expect(section.getByRole("rowheader", { name: new RegExp(memberAddress) })).toBeHidden();

  // Without a reload, the card goes and Theo is told why.
  await expect(card(page, name)).toHaveCount(0);
  await expect(page.getByRole("status")).toHaveText(`“${name}” is no longer available to you.Dismiss`);
});
