import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { vi } from "vitest";
import { dayOf, endOfDay, formatDay } from "../../components/dates";
import { answer, datasetNode, renderScreen, userError } from "../../test/render";
import { SetPublicMutation, ShareDatasetMutation, ShareDialogQuery } from "./operations";
import { ShareDialog } from "./ShareDialog";

const ID = "RGF0YXNldDox";

const LAB = "VGVhbTox";

function dialogMock({ annotatable = true, owner = true, canModify = true, ownEnd = null as string | null, teams = [] as { id: string; name: string }[] } = {}) {
  const viewerPermissions = { __typename: "DatasetPermissions", canShare: true, canModify, canSetPublic: owner };
  const viewerGrant = owner ? null : { __typename: "ShareGrant", id: "U2hhcmVHcmFudDo5", expiresAt: ownEnd };
  return answer(
    ShareDialogQuery,
    { id: ID },
    {
      dataset: datasetNode(ID, { annotatable, isPublic: false, viewerPermissions, viewerGrant }),
      teams: teams.map((team) => ({ __typename: "Team", ...team })),
    },
  );
}

const DAY_MS = 24 * 60 * 60 * 1000;

function shareMock(input: Record<string, unknown>, payload: Record<string, unknown>) {
  return answer(ShareDatasetMutation, { input }, { shareDataset: { __typename: "ShareDatasetPayload", dataset: null, grants: [], errors: [], ...payload } });
}

const status = (badges: string[], isPublic = false) => ({
  __typename: "Dataset",
  id: ID,
  isPublic,
  visibility: isPublic ? "PUBLIC" : "AVAILABLE",
  badges,
});

describe("the share dialog", () => {
  it("marks a bad address at its own input, counting only the addresses sent", async () => {
    const input = { datasetId: ID, emails: ["bob@example.org", "not-an-address"], teamIds: [], message: "Have a look", canShare: true, canModify: true, notify: true };
    const mocks = [
      dialogMock(),
      shareMock(input, { errors: [userError("Not a valid email address: 'not-an-address'.", "emails.1")] }),
    ];
    const onClose = vi.fn();
    renderScreen(<ShareDialog datasetId={ID} onClose={onClose} />, { mocks });

    const dialog = await screen.findByRole("dialog", { name: "Share Kidney" });
    expect(within(dialog).getByLabelText("Share with other users")).toBeChecked();
    await userEvent.type(within(dialog).getByLabelText("Email address 1"), "bob@example.org");
    await userEvent.click(within(dialog).getByRole("button", { name: "Add another address" }));
    await userEvent.click(within(dialog).getByRole("button", { name: "Add another address" }));
    await userEvent.type(within(dialog).getByLabelText("Email address 3"), "not-an-address");
    await userEvent.type(within(dialog).getByLabelText("Message"), "Have a look");
    await userEvent.click(within(dialog).getByLabelText("Recipients can share my dataset too"));
    await userEvent.click(within(dialog).getByLabelText("Recipients can modify the dataset"));
    expect(within(dialog).getByLabelText("Notify by email")).toBeChecked();
    await userEvent.click(within(dialog).getByRole("button", { name: "Share" }));

    const bad = within(dialog).getByLabelText("Email address 3");
    expect(await within(dialog).findByText("Not a valid email address: 'not-an-address'.")).toBeInTheDocument();
    expect(bad).toHaveAttribute("aria-invalid", "true");
    expect(bad).toHaveAccessibleDescription("Not a valid email address: 'not-an-address'.");
    expect(within(dialog).getByLabelText("Email address 1")).not.toHaveAttribute("aria-invalid");
    expect(within(dialog).getByLabelText("Email address 1")).toHaveValue("bob@example.org");
    expect(onClose).not.toHaveBeenCalled();
  });

  it("closes once shared", async () => {
    const input = { datasetId: ID, emails: ["bob@example.org"], teamIds: [], message: "", canShare: false, canModify: false, notify: false };
    const mocks = [
      dialogMock(),
      shareMock(input, {
        dataset: status(["OWNER", "AVAILABLE"]),
        grants: [{ __typename: "ShareGrant", id: "U2hhcmVHcmFudDox", recipientEmail: "bob@example.org", expiresAt: null }],
      }),
    ];
    const onClose = vi.fn();
    renderScreen(<ShareDialog datasetId={ID} onClose={onClose} />, { mocks });

    const dialog = await screen.findByRole("dialog");
    await userEvent.type(within(dialog).getByLabelText("Email address 1"), "bob@example.org");
    await userEvent.click(within(dialog).getByLabelText("Notify by email"));
    await userEvent.click(within(dialog).getByRole("button", { name: "Share" }));

    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it("shares with a team picked beside the addresses, no address needed", async () => {
    const input = { datasetId: ID, emails: [], teamIds: [LAB], message: "", canShare: false, canModify: false, notify: true };
    const mocks = [
      dialogMock({ teams: [{ id: LAB, name: "Imaging lab" }] }),
      shareMock(input, {
        dataset: status(["OWNER", "AVAILABLE"]),
        grants: [{ __typename: "ShareGrant", id: "U2hhcmVHcmFudDoy", recipientEmail: "" }],
      }),
    ];
    const onClose = vi.fn();
    renderScreen(<ShareDialog datasetId={ID} onClose={onClose} />, { mocks });

    const dialog = await screen.findByRole("dialog");
    await userEvent.click(within(dialog).getByLabelText("Team Imaging lab"));
    await userEvent.click(within(dialog).getByRole("button", { name: "Share" }));

    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it("offers sharing with everyone to owners, and makes the dataset public", async () => {
    const mocks = [
      dialogMock(),
      answer(SetPublicMutation, { input: { datasetId: ID, public: true } }, {
        setPublic: { __typename: "SetPublicPayload", dataset: status(["OWNER", "PUBLIC"], true), errors: [] },
      }),
    ];
    const onClose = vi.fn();
    renderScreen(<ShareDialog datasetId={ID} onClose={onClose} />, { mocks });

    await userEvent.click(await screen.findByLabelText("Share with everyone"));
    expect(screen.queryByLabelText("Email address 1")).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Share" }));

    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it("shows recipients neither everyone nor modify when they may not pass them on", async () => {
    renderScreen(<ShareDialog datasetId={ID} onClose={() => undefined} />, { mocks: [dialogMock({ owner: false, canModify: false })] });

    expect(await screen.findByLabelText("Share with other users")).toBeChecked();
    expect(screen.queryByLabelText("Share with everyone")).not.toBeInTheDocument();
    expect(screen.queryByLabelText("Recipients can modify the dataset")).not.toBeInTheDocument();
    expect(screen.getByLabelText("Recipients can share my dataset too")).toBeInTheDocument();
  });

  it("shares until the end of a chosen day, and marks a refused end at the date", async () => {
    const day = dayOf(new Date(Date.now() + 10 * DAY_MS));
    const input = { datasetId: ID, emails: ["bob@example.org"], teamIds: [], message: "", canShare: false, canModify: false, notify: true, expiresAt: endOfDay(day) };
    const mocks = [dialogMock(), shareMock(input, { errors: [userError("The end of access must lie in the future.", "expiresAt")] })];
    renderScreen(<ShareDialog datasetId={ID} onClose={() => undefined} />, { mocks });

    const dialog = await screen.findByRole("dialog");
    const date = within(dialog).getByLabelText("Access ends on (optional)");
    expect(date).toHaveValue("");
    expect(within(dialog).getByText("Leave empty for access without an end.")).toBeInTheDocument();
    expect(date).toHaveAttribute("min", dayOf(new Date()));
    await userEvent.type(within(dialog).getByLabelText("Email address 1"), "bob@example.org");
    await userEvent.type(date, day);
    expect(within(dialog).getByText(/reminded three days before/)).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole("button", { name: "Share" }));

    expect(await within(dialog).findByText("The end of access must lie in the future.")).toBeInTheDocument();
    expect(date).toHaveAttribute("aria-invalid", "true");
  });

  it("keeps a recipient whose own access ends to days no later than theirs", async () => {
    const ownEnd = new Date(Date.now() + 5 * DAY_MS).toISOString();
    renderScreen(<ShareDialog datasetId={ID} onClose={() => undefined} />, { mocks: [dialogMock({ owner: false, ownEnd })] });

    const date = await screen.findByLabelText("Access ends on (optional)");
    expect(date).toHaveAttribute("max", dayOf(ownEnd));
    expect(screen.getByText(`Your own access ends on ${formatDay(ownEnd)}: choose a day no later than that.`)).toBeInTheDocument();
  });

  it("asks about modifying only for images", async () => {
    renderScreen(<ShareDialog datasetId={ID} onClose={() => undefined} />, { mocks: [dialogMock({ annotatable: false })] });

    expect(await screen.findByLabelText("Notify by email")).toBeInTheDocument();
    expect(screen.queryByLabelText("Recipients can modify the dataset")).not.toBeInTheDocument();
  });
});
