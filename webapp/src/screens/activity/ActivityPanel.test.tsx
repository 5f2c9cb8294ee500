import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ActivityEntryFieldsFragment } from "../../gql/graphql";
import { answer, renderScreen } from "../../test/render";
import { ActivityPanel, PAGE_SIZE } from "./ActivityPanel";
import { describeActivity } from "./describe";
import { DatasetActivityQuery } from "./operations";

const ID = "RGF0YXNldDox";
const ALICE = { __typename: "User" as const, id: "VXNlcjox", displayName: "Alice" };

function entry(n: number, kind: string, fields: Partial<ActivityEntryFieldsFragment> = {}) {
  return {
    __typename: "Activity" as const,
    id: `QWN0aXZpdHk6${n}`,
    kind,
    at: `2026-11-25T1${n}:00:00+00:00`,
    actor: ALICE,
    subjectEmail: null,
    details: {},
    ...fields,
  } as ActivityEntryFieldsFragment;
}

function page(after: string | null, nodes: ActivityEntryFieldsFragment[], endCursor: string | null, hasNextPage: boolean) {
  return answer(
    DatasetActivityQuery,
    { id: ID, first: PAGE_SIZE, ...(after ? { after } : {}) },
    {
      dataset: {
        __typename: "Dataset",
        id: ID,
        activity: {
          __typename: "ActivityConnection",
          edges: nodes.map((node) => ({ __typename: "ActivityEdge", cursor: `cursor-${node.id}`, node })),
          pageInfo: { __typename: "PageInfo", hasNextPage, endCursor },
        },
      },
    },
  );
}

describe("the activity tab", () => {
  it("lists what happened in plain words, newest first, and loads more on demand", async () => {
    const user = userEvent.setup();
    const newest = [
      entry(5, "SHARED", { subjectEmail: "bob@lab.example", details: { canShare: true, canModify: false, expiresAt: null } }),
      entry(4, "DOWNLOADED", { details: { filename: "raw.imzML", bytes: 12_000_000, throughLink: false } }),
    ];
    const older = [entry(3, "LINK_USED", { actor: null, details: { link: "" } }), entry(2, "CREATED")];
    renderScreen(<ActivityPanel datasetId={ID} />, {
      mocks: [page(null, newest, "cursor-2", true), page("cursor-2", older, "cursor-4", false)],
    });

    const list = await screen.findByRole("list", { name: "Activity, newest first" });
    expect(within(list).getAllByRole("listitem").map((item) => item.querySelector(".activity-what")?.textContent)).toEqual([
      "Alice shared with bob@lab.example (can share)",
      "Alice downloaded raw.imzML (12.0 MB)",
    ]);
    await user.click(screen.getByRole("button", { name: "Load more" }));

    expect(await within(list).findByText("Viewed through a reviewer link")).toBeInTheDocument();
    expect(within(list).getByText("Alice created the dataset")).toBeInTheDocument();
    expect(within(list).getAllByRole("listitem")).toHaveLength(4);
    expect(screen.queryByRole("button", { name: "Load more" })).not.toBeInTheDocument();
  });

  it("says so when nothing has happened, and shows nothing to whoever may not read it", async () => {
    const { unmount } = renderScreen(<ActivityPanel datasetId={ID} />, { mocks: [page(null, [], null, false)] });
    expect(await screen.findByText("Nothing has happened yet.")).toBeInTheDocument();
    unmount();

    const hidden = answer(DatasetActivityQuery, { id: ID, first: PAGE_SIZE }, { dataset: { __typename: "Dataset", id: ID, activity: null } });
    const { container } = renderScreen(<ActivityPanel datasetId={ID} />, { mocks: [hidden] });
    expect(screen.getByText("Loading the activity…")).toBeInTheDocument();
    await waitFor(() => expect(container).toBeEmptyDOMElement());
  });
});

describe("an entry in words", () => {
  it.each([
    [entry(1, "RENAMED", { details: { oldName: "Kidney", newName: "Kidney section" } }), "Alice renamed it from “Kidney” to “Kidney section”"],
    [entry(1, "UPLOADED", { details: { filename: "raw.ibd", bytes: 1500 } }), "Alice uploaded raw.ibd (1.5 KB)"],
    [entry(1, "SHARED", { details: { team: "Histology", canModify: true } }), "Alice shared with the team Histology (can modify)"],
    [entry(1, "GRANT_CHANGED", { subjectEmail: "bob@lab.example", details: { canShare: false, changed: ["canShare"] } }), "Alice changed the access of bob@lab.example (view only)"],
    [entry(1, "REVOKED", { subjectEmail: "carol@lab.example", details: { cascade: true } }), "Alice removed the access of carol@lab.example, which came from a removed grant"],
    [entry(1, "LEFT", { actor: { __typename: "User", id: "VXNlcjoy", displayName: "Bob" }, subjectEmail: "bob@lab.example" }), "Bob left the dataset"],
    [entry(1, "EXPIRED", { actor: null, subjectEmail: "bob@lab.example" }), "The access of bob@lab.example ended"],
    [entry(1, "MADE_PUBLIC"), "Alice made it public"],
    [entry(1, "DOWNLOADED", { actor: null, details: { filename: "raw.imzML", bytes: 12_000_000, throughLink: true } }), "Downloaded raw.imzML (12.0 MB) through a reviewer link"],
    [entry(1, "LINK_USED", { actor: null, details: { link: "Reviewer 2" } }), "Viewed through the reviewer link “Reviewer 2”"],
    [entry(1, "ANNOTATED", { details: { action: "added", label: "glomerulus" } }), "Alice added the annotation “glomerulus”"],
  ])("%#", (given, words) => {
    expect(describeActivity(given)).toBe(words);
  });
});
