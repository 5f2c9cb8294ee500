import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { answer, renderScreen, userError } from "../../test/render";
import { CreateShareLinkMutation, ShareLinksQuery } from "./operations";
import { ReviewerLinksPanel } from "./ReviewerLinksPanel";

const ID = "RGF0YXNldDox";

const link = {
  __typename: "ShareLink",
  id: "U2hhcmVMaW5rOjE",
  label: "Reviewer 2",
  anonymous: true,
  allowDownload: true,
  expiresAt: "2026-12-25T10:00:00+00:00",
  createdAt: "2026-11-25T10:00:00+00:00",
  revokedAt: null,
  active: true,
  useCount: 3,
  lastUsedAt: "2026-11-25T11:00:00+00:00",
};

function links(shareLinks: unknown[] | null) {
  return { ...answer(ShareLinksQuery, { id: ID }, { dataset: { __typename: "Dataset", id: ID, shareLinks } }), maxUsageCount: 5 };
}

function created(input: Record<string, unknown>, data: Record<string, unknown>) {
  return {
    request: { query: CreateShareLinkMutation },
    variableMatcher: (variables: Record<string, unknown>) => {
      const sent = variables.input as Record<string, unknown>;
      return Object.entries(input).every(([key, value]) => sent[key] === value);
    },
    result: { data: { createShareLink: { __typename: "CreateShareLinkPayload", shareLink: null, url: null, errors: [], ...data } } },
  };
}

describe("the reviewer links panel", () => {
  it("lists each link with its uses, and shows a new link's URL once", async () => {
    const user = userEvent.setup();
    const url = "http://127.0.0.1:8000/l/a-new-token";
    renderScreen(<ReviewerLinksPanel datasetId={ID} />, {
      mocks: [links([link]), created({ label: "Reviewer 3", anonymous: true }, { shareLink: { ...link, id: "U2hhcmVMaW5rOjI", label: "Reviewer 3" }, url })],
    });

    const row = await screen.findByRole("listitem", { name: "Reviewer 2" });
    expect(within(row).getByText(/3 uses/)).toBeInTheDocument();
    expect(within(row).getByText("Active")).toBeInTheDocument();
    await user.type(screen.getByLabelText("Label"), "Reviewer 3");
    await user.click(screen.getByLabelText(/Anonymous/));
    await user.click(screen.getByRole("button", { name: "Create link" }));

    expect(await screen.findByLabelText("New reviewer link")).toHaveValue(url);
    expect(screen.getByText("Copy this link now: it is not shown again.")).toBeInTheDocument();
  });

  it("marks a refused expiry at the date", async () => {
    const user = userEvent.setup();
    renderScreen(<ReviewerLinksPanel datasetId={ID} />, {
      mocks: [links([]), created({}, { errors: [userError("A link lasts at most 365 days.", "expiresAt")] })],
    });

    await user.click(await screen.findByRole("button", { name: "Create link" }));

    expect(await screen.findByText("A link lasts at most 365 days.")).toBeInTheDocument();
    expect(screen.getByLabelText("Expires on")).toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByLabelText("New reviewer link")).not.toBeInTheDocument();
  });
});
