import { ApolloLink, split } from "@apollo/client";
import { MockedProvider, MockLink, MockSubscriptionLink, type MockedResponse } from "@apollo/client/testing";
import { getMainDefinition } from "@apollo/client/utilities";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router-dom";
import { PAGE_SIZE } from "../screens/activity/ActivityPanel";
import { DatasetActivityQuery } from "../screens/activity/operations";
import { DatasetPage } from "../screens/dataset/DatasetPage";
import { DatasetPageQuery } from "../screens/dataset/operations";
import { ShareLinksQuery } from "../screens/links/operations";
import { ALICE, viewerMock } from "../test/render";
import { createCache } from "./apollo";
import { LiveUpdates } from "./live";
import { ROUTER_FUTURE } from "./router";

const ID = "RGF0YXNldDox";
const BASE = "http://127.0.0.1:8000/files/datasets/RGF0YXNldDox";

function dataFile(filename: string, sizeBytes: number) {
  return { __typename: "DataFile", filename, contentType: "application/octet-stream", sizeBytes, sha256: "ab", downloadUrl: `${BASE}/${filename}` };
}

const imzml = dataFile("liver.imzML", 2048);
const ibd = dataFile("liver.ibd", 4096);
const problem = "liver.imzML needs its binary data file, liver.ibd.";

const owned = {
  __typename: "Dataset",
  id: ID,
  name: "Liver run",
  description: "",
  kind: "MSI",
  annotatable: false,
  createdAt: "2026-11-25T10:00:00+00:00",
  uploadStatus: "PENDING",
  uploadUrl: "http://127.0.0.1:8000/uploads/datasets/RGF0YXNldDox",
  fileProblems: [problem],
  badges: ["OWNER", "PRIVATE"],
  isPublic: false,
  owner: { __typename: "User", id: ALICE.id, displayName: "Alice" },
  file: imzml,
  files: [imzml],
  viewerGrant: null,
  viewerPermissions: {
    __typename: "DatasetPermissions",
    canView: true,
    canDownload: true,
    canShare: true,
    canModify: false,
    canSetPublic: true,
    canManageAccess: true,
    canDelete: true,
  },
};

/** The dataset as its `dataset(id:)` subscription sends it, once its `.ibd` has arrived. */
const completed = {
  __typename: "Dataset",
  id: ID,
  name: "Liver run",
  kind: "MSI",
  uploadStatus: "READY",
  fileProblems: [],
  badges: ["OWNER", "PRIVATE"],
  owner: owned.owner,
  file: imzml,
  files: [ibd, imzml],
  viewerPermissions: { __typename: "DatasetPermissions", canShare: true, canManageAccess: true },
  description: "",
  visibility: "PRIVATE",
  isPublic: false,
};

function activityEntry(n: number, kind: string, details: Record<string, unknown>) {
  return {
    __typename: "ActivityEdge",
    cursor: `c${n}`,
    node: { __typename: "Activity", id: `QWN0aXZpdHk6${n}`, kind, at: `2026-11-25T1${n}:00:00+00:00`, actor: { __typename: "User", id: ALICE.id, displayName: "Alice" }, subjectEmail: null, details },
  };
}

function activity(edges: unknown[], variables: Record<string, unknown> = { first: PAGE_SIZE }, hasNextPage = false): MockedResponse {
  const endCursor = (edges.at(-1) as { cursor: string } | undefined)?.cursor ?? null;
  return {
    request: { query: DatasetActivityQuery, variables: { id: ID, ...variables } },
    result: {
      data: {
        dataset: { __typename: "Dataset", id: ID, activity: { __typename: "ActivityConnection", edges, pageInfo: { __typename: "PageInfo", hasNextPage, endCursor } } },
      },
    },
  };
}

const links: MockedResponse = {
  request: { query: ShareLinksQuery, variables: { id: ID } },
  result: { data: { dataset: { __typename: "Dataset", id: ID, shareLinks: [] } } },
  maxUsageCount: 5,
};

/** The open dataset page beside the app's live updates; the test sends what the server would. */
function renderLive(mocks: readonly MockedResponse[]) {
  const live = new MockSubscriptionLink();
  const link = split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === "OperationDefinition" && definition.operation === "subscription";
    },
    live,
    ApolloLink.from([new MockLink(mocks)]),
  );
  render(
    <MockedProvider link={link} cache={createCache()}>
      <MemoryRouter initialEntries={[`/datasets/${ID}`]} future={ROUTER_FUTURE}>
        <Routes>
          <Route
            path="/datasets/:id"
            element={
              <>
                <LiveUpdates signedIn={false} />
                <DatasetPage />
              </>
            }
          />
        </Routes>
      </MemoryRouter>
    </MockedProvider>,
  );
  return (dataset: unknown) => act(() => live.simulateResult({ result: { data: { dataset } } }));
}

describe("the open dataset page, live", () => {
  it("shows a file added elsewhere, and the run's problems go away, without a reload", async () => {
    const send = renderLive([viewerMock(ALICE), { request: { query: DatasetPageQuery, variables: { id: ID } }, result: { data: { dataset: owned } } }, links]);

    const files = await screen.findByRole("list", { name: "Stored files" });
    expect(within(files).getAllByRole("listitem")).toHaveLength(1);
    expect(screen.getByRole("status", { name: "Incomplete MSI run" })).toHaveTextContent(problem);

    await send(completed);

    expect(await within(screen.getByRole("list", { name: "Stored files" })).findByText("liver.ibd")).toBeInTheDocument();
    expect(within(screen.getByRole("list", { name: "Stored files" })).getAllByRole("listitem")).toHaveLength(2);
    expect(screen.queryByText(problem)).not.toBeInTheDocument();
  });

  it("reads the open Activity tab again when the dataset changes", async () => {
    const created = activityEntry(1, "CREATED", {});
    const uploaded = activityEntry(2, "UPLOADED", { filename: "liver.ibd", bytes: 4096 });
    const send = renderLive([
      viewerMock(ALICE),
      { request: { query: DatasetPageQuery, variables: { id: ID } }, result: { data: { dataset: owned } } },
      links,
      activity([created]),
      activity([uploaded, created]),
    ]);
    const user = userEvent.setup();

    await user.click(await screen.findByRole("tab", { name: "Activity" }));
    const list = await screen.findByRole("list", { name: "Activity, newest first" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(1);

    await send(completed);

    expect(await screen.findByText("Alice uploaded liver.ibd (4.1 KB)")).toBeInTheDocument();
    expect(within(screen.getByRole("list", { name: "Activity, newest first" })).getAllByRole("listitem")).toHaveLength(2);
  });

  it("keeps the entries loaded with Load more when it reads the Activity tab again", async () => {
    // Newest first: entry 21 is the oldest of a first page of 20 and one more page of 1.
    const entries = Array.from({ length: 22 }, (_, n) => activityEntry(22 - n, "ANNOTATED", { action: "added", label: `mark ${22 - n}` }));
    const older = entries.slice(1);
    const send = renderLive([
      viewerMock(ALICE),
      { request: { query: DatasetPageQuery, variables: { id: ID } }, result: { data: { dataset: owned } } },
      links,
      activity(older.slice(0, PAGE_SIZE), { first: PAGE_SIZE }, true),
      activity(older.slice(PAGE_SIZE), { first: PAGE_SIZE, after: older[PAGE_SIZE - 1].cursor }),
      activity(entries.slice(0, PAGE_SIZE + 1), { first: PAGE_SIZE + 1 }, true),
    ]);
    const user = userEvent.setup();

    await user.click(await screen.findByRole("tab", { name: "Activity" }));
    await user.click(await screen.findByRole("button", { name: "Load more" }));
    const list = () => screen.getByRole("list", { name: "Activity, newest first" });
    await within(list()).findByText(/mark 1\b/);
    expect(within(list()).getAllByRole("listitem")).toHaveLength(PAGE_SIZE + 1);

    await send(completed);

    expect(await within(list()).findByText(/mark 22/)).toBeInTheDocument();
    expect(within(list()).getAllByRole("listitem")).toHaveLength(PAGE_SIZE + 1);
  });
});
