import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { dayOf, endOfDay, formatDay } from "../../components/dates";
import { answer, datasetNode, renderScreen } from "../../test/render";
import { AccessDialog } from "./AccessDialog";
import { AccessDialogQuery, ResendInvitationMutation, RevokeAccessMutation, UpdateGrantMutation } from "./operations";

const ID = "RGF0YXNldDox";

function grant(id: string, invitationExpiresAt: string | null = null) {
  return { __typename: "ShareGrant", id, invitationSentAt: invitationExpiresAt && "2026-11-25T10:00:00+00:00", invitationExpiresAt };
}

function entry(email: string, overrides: Record<string, unknown>) {
  return {
    __typename: "AccessEntry",
    role: "RECIPIENT",
    email,
    pending: false,
    canShare: false,
    canModify: false,
    viewerCanChange: true,
    expired: false,
    expiresAt: null,
    user: null,
    team: null,
    grant: null,
    ...overrides,
  };
}

const owner = entry("alice@example.org", {
  role: "OWNER",
  canShare: true,
  canModify: true,
  viewerCanChange: false,
  user: { __typename: "User", id: "VXNlcjox", displayName: "Alice" },
});
const BOB_GRANT = "R3JhbnQ6MQ==";
const bob = entry("bob@example.org", {
  canModify: true,
  user: { __typename: "User", id: "VXNlcjoy", displayName: "Bob" },
  grant: grant(BOB_GRANT),
});
const CAROL_GRANT = "R3JhbnQ6Mg==";
const carol = entry("carol@example.org", { pending: true, grant: grant(CAROL_GRANT, "2026-12-25T10:00:00+00:00") });
const erin = entry("erin@example.org", { pending: true, expired: true, grant: grant("R3JhbnQ6NA==", "2026-10-25T10:00:00+00:00") });
const dave = entry("dave@example.org", {
  viewerCanChange: false,
  user: { __typename: "User", id: "VXNlcjo0", displayName: "Dave" },
  grant: grant("R3JhbnQ6Mw=="),
});

function accessMock(entries: unknown[], { isPublic = false, annotatable = true } = {}) {
  const viewerPermissions = { __typename: "DatasetPermissions", canSetPublic: true };
  const access = { __typename: "AccessList", isPublic, entries };
  return answer(AccessDialogQuery, { id: ID }, { dataset: datasetNode(ID, { annotatable, viewerPermissions, viewerGrant: null, access }) });
}

const DAY_MS = 24 * 60 * 60 * 1000;

function updated(grant: Record<string, unknown>, entries: unknown[]) {
  return {
    updateGrant: {
      __typename: "UpdateGrantPayload",
      grant: { __typename: "ShareGrant", canShare: false, canModify: true, expired: false, expiresAt: null, ...grant },
      dataset: datasetNode(ID, { access: { __typename: "AccessList", isPublic: false, entries } }),
      errors: [],
    },
  };
}

describe("the access dialog", () => {
  it("lists everyone with access or a pending invitation, with controls only where the viewer may change them", async () => {
    renderScreen(<AccessDialog datasetId={ID} onClose={() => undefined} />, { mocks: [accessMock([owner, bob, carol, dave, erin])] });

    const dialog = await screen.findByRole("dialog", { name: "Access to Kidney" });
    const rows = await within(dialog).findAllByRole("row");
    expect(rows.map((row) => within(row).queryByRole("rowheader")?.textContent ?? "header")).toEqual([
      "header",
      "Alice (alice@example.org)Owner",
      "Bob (bob@example.org)",
      `carol@example.orgInvitation pending until ${new Date("2026-12-25T10:00:00+00:00").toLocaleDateString()}Resend invitation`,
      "Dave (dave@example.org)",
      "erin@example.orgInvitation expiredResend invitation",
    ]);
    expect(within(dialog).getByText("Not public: only the people below can see it.")).toBeInTheDocument();
    expect(within(dialog).getByRole("switch", { name: "Bob (bob@example.org) can share" })).not.toBeChecked();
    expect(within(dialog).getByRole("switch", { name: "Bob (bob@example.org) can modify" })).toBeChecked();
    expect(within(dialog).getByRole("button", { name: "Remove access for carol@example.org" })).toBeInTheDocument();
    expect(within(rows[1]).queryByRole("switch")).not.toBeInTheDocument();
    expect(within(rows[4]).queryByRole("switch")).not.toBeInTheDocument();
    expect(within(rows[4]).queryByRole("button")).not.toBeInTheDocument();
  });

  it("toggles can share and revokes with the cross", async () => {
    const sharing = { ...bob, canShare: true };
    const accessList = (entries: unknown[]) => ({ __typename: "AccessList", isPublic: false, entries });
    // Each change answers the refreshed access list: no second request.
    const mocks = [
      accessMock([owner, bob]),
      answer(UpdateGrantMutation, { input: { grantId: BOB_GRANT, canShare: true } }, {
        updateGrant: {
          __typename: "UpdateGrantPayload",
          grant: { __typename: "ShareGrant", id: BOB_GRANT, canShare: true, canModify: true, expiresAt: null, expired: false },
          dataset: datasetNode(ID, { access: accessList([owner, sharing]) }),
          errors: [],
        },
      }),
      answer(RevokeAccessMutation, { input: { grantId: BOB_GRANT, cascade: false } }, {
        revokeAccess: {
          __typename: "RevokeAccessPayload",
          dataset: datasetNode(ID, { isPublic: false, visibility: "PRIVATE", badges: ["OWNER", "PRIVATE"], access: accessList([owner]) }),
          revokedGrantIds: [BOB_GRANT],
          errors: [],
        },
      }),
    ];
    renderScreen(<AccessDialog datasetId={ID} onClose={() => undefined} />, { mocks });

    await userEvent.click(await screen.findByRole("switch", { name: "Bob (bob@example.org) can share" }));
    await vi.waitFor(() => expect(screen.getByRole("switch", { name: "Bob (bob@example.org) can share" })).toBeChecked());

    await userEvent.click(screen.getByRole("button", { name: "Remove access for Bob (bob@example.org)" }));
    await vi.waitFor(() => expect(screen.queryByText("Bob (bob@example.org)")).not.toBeInTheDocument());
  });

  it("has no can modify column for MSI datasets", async () => {
    renderScreen(<AccessDialog datasetId={ID} onClose={() => undefined} />, { mocks: [accessMock([owner, bob], { annotatable: false, isPublic: true })] });

    expect(await screen.findByRole("switch", { name: "Bob (bob@example.org) can share" })).toBeInTheDocument();
    expect(screen.queryByRole("switch", { name: /can modify/ })).not.toBeInTheDocument();
    expect(screen.getByText("Public: everyone can see this dataset.")).toBeInTheDocument();
    expect(screen.getByRole("switch", { name: "Public" })).toBeChecked();
  });

  it("marks an expired grant and extends it to the end of a later day", async () => {
    const ended = new Date(Date.now() - DAY_MS).toISOString();
    const expiredBob = { ...bob, expired: true, expiresAt: ended };
    const day = dayOf(new Date(Date.now() + 30 * DAY_MS));
    const extendedBob = { ...bob, expiresAt: endOfDay(day) };
    const mocks = [
      accessMock([owner, expiredBob]),
      answer(UpdateGrantMutation, { input: { grantId: BOB_GRANT, expiresAt: endOfDay(day) } }, updated({ id: BOB_GRANT, expiresAt: endOfDay(day) }, [owner, extendedBob])),
    ];
    renderScreen(<AccessDialog datasetId={ID} onClose={() => undefined} />, { mocks });

    const dialog = await screen.findByRole("dialog");
    expect(await within(dialog).findByText(`Expired ${formatDay(ended)}`)).toBeInTheDocument();
    expect(within(dialog).getByRole("columnheader", { name: "access ends" })).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole("button", { name: "Extend access for Bob (bob@example.org)" }));
    const editor = within(dialog).getByRole("group", { name: "When access ends for Bob (bob@example.org)" });
    expect(within(editor).getByRole("button", { name: "Save" })).toBeDisabled();
    await userEvent.type(within(editor).getByLabelText("Access for Bob (bob@example.org) ends on"), day);
    await userEvent.click(within(editor).getByRole("button", { name: "Save" }));

    expect(await within(dialog).findByText(`Until ${formatDay(endOfDay(day))}`)).toBeInTheDocument();
    expect(within(dialog).queryByText(/^Expired/)).not.toBeInTheDocument();
    expect(within(dialog).getByRole("button", { name: "Change access for Bob (bob@example.org)" })).toBeInTheDocument();
  });

  it("clears an end, and shows no controls for it where the viewer may not change the grant", async () => {
    const ending = new Date(Date.now() + 2 * DAY_MS).toISOString();
    const endingBob = { ...bob, expiresAt: ending };
    const endingDave = { ...dave, expiresAt: ending };
    const mocks = [
      accessMock([owner, endingBob, endingDave]),
      answer(UpdateGrantMutation, { input: { grantId: BOB_GRANT, clearExpiry: true } }, updated({ id: BOB_GRANT }, [owner, bob, endingDave])),
    ];
    renderScreen(<AccessDialog datasetId={ID} onClose={() => undefined} />, { mocks });

    const dialog = await screen.findByRole("dialog");
    expect(await within(dialog).findAllByText(`Until ${formatDay(ending)}`)).toHaveLength(2);
    expect(within(dialog).queryByRole("button", { name: "Change access for Dave (dave@example.org)" })).not.toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole("button", { name: "Change access for Bob (bob@example.org)" }));
    expect(within(dialog).getByLabelText("Access for Bob (bob@example.org) ends on")).toHaveValue(dayOf(ending));
    await userEvent.click(within(dialog).getByRole("button", { name: "No end" }));

    expect(await within(dialog).findByText("No end")).toBeInTheDocument();
    expect(within(dialog).getAllByText(`Until ${formatDay(ending)}`)).toHaveLength(1);
  });

  it("sends a pending invitation again", async () => {
    const resent = { ...carol, grant: grant(CAROL_GRANT, "2026-12-26T10:00:00+00:00") };
    const mocks = [
      accessMock([owner, carol]),
      {
        request: { query: ResendInvitationMutation, variables: { input: { grantId: CAROL_GRANT } } },
        result: { data: { resendInvitation: { __typename: "ResendInvitationPayload", grant: resent.grant, errors: [] } } },
      },
      accessMock([owner, resent]),
    ];
    renderScreen(<AccessDialog datasetId={ID} onClose={() => undefined} />, { mocks });

    await userEvent.click(await screen.findByRole("button", { name: "Resend the invitation to carol@example.org" }));

    expect(await screen.findByRole("status")).toHaveTextContent("The invitation was sent again.");
  });
});
