import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { RevokeAccessMutation } from "../access/operations";
import { PAGE_SIZE } from "../activity/ActivityPanel";
import { DatasetActivityQuery } from "../activity/operations";
import { ShareLinksQuery } from "../links/operations";
import { ALICE, renderScreen, viewerMock } from "../../test/render";
import { DatasetPage } from "./DatasetPage";
import { DatasetPageQuery, DeleteDatasetFileMutation } from "./operations";

const ID = "RGF0YXNldDox";

function datasetMock(dataset: unknown) {
  return { request: { query: DatasetPageQuery, variables: { id: ID } }, result: { data: { dataset } } };
}

const imzml = {
  __typename: "DataFile",
  filename: "liver.imzML",
  contentType: "application/octet-stream",
  sizeBytes: 2048,
  sha256: "ab",
  downloadUrl: "http://127.0.0.1:8000/files/datasets/RGF0YXNldDox",
};

const msi = {
  __typename: "Dataset",
  id: ID,
  name: "Liver run",
  description: "Positive mode",
  kind: "MSI",
  annotatable: false,
  createdAt: "2026-11-25T10:00:00+00:00",
  uploadStatus: "READY",
  uploadUrl: null,
  fileProblems: [],
  badges: ["PUBLIC"],
  isPublic: true,
  owner: { __typename: "User", id: "VXNlcjoy", displayName: "Bob" },
  file: imzml,
  files: [imzml],
  viewerGrant: null,
  viewerPermissions: {
    __typename: "DatasetPermissions",
    canView: true,
    canDownload: true,
    canShare: false,
    canModify: false,
    canSetPublic: false,
    canManageAccess: false,
    canDelete: false,
  },
};

const route = { route: `/datasets/${ID}`, path: "/datasets/:id" };

describe("the dataset page", () => {
  it("shows a public dataset's facts and its file to download, without sharing controls", async () => {
    renderScreen(<DatasetPage />, { ...route, mocks: [viewerMock(null), datasetMock(msi)] });

    expect(await screen.findByRole("heading", { name: "Liver run" })).toBeInTheDocument();
    expect(screen.getByRole("img", { name: "Public" })).toBeInTheDocument();
    expect(screen.getByText("liver.imzML")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Download liver.imzML" })).toHaveAttribute("href", msi.file.downloadUrl);
    expect(screen.queryByRole("button", { name: "Delete liver.imzML" })).not.toBeInTheDocument();
    expect(screen.queryByLabelText("Add files")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Share/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Manage access/ })).not.toBeInTheDocument();
  });

  it("asks an anonymous visitor to log in for a dataset they cannot see", async () => {
    renderScreen(<DatasetPage />, { ...route, mocks: [viewerMock(null), datasetMock(null)] });

    expect(await screen.findByRole("heading", { name: "Log in to see this dataset" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "log in" })).toHaveAttribute("href", `/login?next=${encodeURIComponent(`/datasets/${ID}`)}`);
  });

  it("tells a logged-in viewer it is not there", async () => {
    renderScreen(<DatasetPage />, { ...route, mocks: [viewerMock(ALICE), datasetMock(null)] });

    expect(await screen.findByRole("heading", { name: "Not found" })).toBeInTheDocument();
  });

  it("lets a recipient leave the dataset, after confirming", async () => {
    const grantId = "U2hhcmVHcmFudDox";
    const shared = { ...msi, badges: ["SHARED_WITH_ME", "AVAILABLE"], isPublic: false, viewerGrant: { __typename: "ShareGrant", id: grantId } };
    const revoke = {
      request: { query: RevokeAccessMutation, variables: { input: { grantId, cascade: false } } },
      result: { data: { revokeAccess: { __typename: "RevokeAccessPayload", dataset: null, revokedGrantIds: [grantId], errors: [] } } },
    };
    renderScreen(<DatasetPage />, { ...route, mocks: [viewerMock(ALICE), datasetMock(shared), revoke] });

    await userEvent.click(await screen.findByRole("button", { name: "Leave this dataset" }));
    const dialog = screen.getByRole("dialog", { name: "Leave Liver run?" });
    await userEvent.click(within(dialog).getByRole("button", { name: "Leave this dataset" }));

    expect(await screen.findByText("elsewhere")).toBeInTheDocument();
  });

  it("offers no leaving to the owner", async () => {
    const owned = { ...msi, badges: ["OWNER", "PRIVATE"], viewerPermissions: { ...msi.viewerPermissions, canDelete: true } };
    renderScreen(<DatasetPage />, { ...route, mocks: [viewerMock(ALICE), datasetMock(owned)] });

    expect(await screen.findByRole("button", { name: "Delete this dataset" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Leave this dataset" })).not.toBeInTheDocument();
  });

  it("gives the owner an Activity tab listing what happened", async () => {
    const owned = {
      ...msi,
      badges: ["OWNER", "AVAILABLE"],
      viewerPermissions: { ...msi.viewerPermissions, canShare: true, canSetPublic: true, canManageAccess: true, canDelete: true },
    };
    const activity = {
      request: { query: DatasetActivityQuery, variables: { id: ID, first: PAGE_SIZE } },
      result: {
        data: {
          dataset: {
            __typename: "Dataset",
            id: ID,
            activity: {
              __typename: "ActivityConnection",
              edges: [
                {
                  __typename: "ActivityEdge",
                  cursor: "c1",
                  node: {
                    __typename: "Activity",
                    id: "QWN0aXZpdHk6MQ",
                    kind: "SHARED",
                    at: "2026-11-25T10:00:00+00:00",
                    actor: { __typename: "User", id: "VXNlcjox", displayName: "Alice" },
                    subjectEmail: "bob@lab.example",
                    details: { canShare: false, canModify: false, expiresAt: null },
                  },
                },
              ],
              pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: "c1" },
            },
          },
        },
      },
    };
    const user = userEvent.setup();
    const links = {
      request: { query: ShareLinksQuery, variables: { id: ID } },
      result: { data: { dataset: { __typename: "Dataset", id: ID, shareLinks: [] } } },
      maxUsageCount: 3,
    };
    renderScreen(<DatasetPage />, { ...route, mocks: [viewerMock(ALICE), datasetMock(owned), activity, links] });

    const tab = await screen.findByRole("tab", { name: "Activity" });
    expect(screen.getByRole("tab", { name: "Overview" })).toHaveAttribute("aria-selected", "true");
    await user.click(tab);

    expect(tab).toHaveAttribute("aria-selected", "true");
    expect(await screen.findByText("Alice shared with bob@lab.example")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Delete this dataset" })).not.toBeInTheDocument();
    await user.keyboard("{ArrowLeft}");
    expect(screen.getByRole("tab", { name: "Overview" })).toHaveFocus();
    expect(await screen.findByRole("button", { name: "Delete this dataset" })).toBeInTheDocument();
  });

  it("shows a recipient no tabs", async () => {
    const shared = { ...msi, badges: ["SHARED_WITH_ME", "AVAILABLE"], isPublic: false, viewerGrant: { __typename: "ShareGrant", id: "U2hhcmVHcmFudDox" } };
    renderScreen(<DatasetPage />, { ...route, mocks: [viewerMock(ALICE), datasetMock(shared)] });

    expect(await screen.findByRole("button", { name: "Leave this dataset" })).toBeInTheDocument();
    expect(screen.queryByRole("tab", { name: "Activity" })).not.toBeInTheDocument();
    expect(screen.queryByRole("tablist")).not.toBeInTheDocument();
  });

  it("tells the owner what keeps an MSI run incomplete, lets them add files and remove one after confirming", async () => {
    const ibd = { ...imzml, filename: "notes.txt", sizeBytes: 12, downloadUrl: `${imzml.downloadUrl}/notes.txt` };
    const problem = "liver.imzML needs its binary data file, liver.ibd.";
    const owned = {
      ...msi,
      badges: ["OWNER", "PRIVATE"],
      uploadStatus: "PENDING",
      uploadUrl: "http://127.0.0.1:8000/uploads/datasets/RGF0YXNldDox",
      fileProblems: [problem],
      files: [imzml, ibd],
      viewerPermissions: { ...msi.viewerPermissions, canDelete: true },
    };
    const removed = {
      request: { query: DeleteDatasetFileMutation, variables: { input: { datasetId: ID, filename: "notes.txt" } } },
      result: {
        data: {
          deleteDatasetFile: {
            __typename: "DatasetPayload",
            dataset: { __typename: "Dataset", id: ID, uploadStatus: "PENDING", fileProblems: [problem], file: imzml, files: [imzml] },
            errors: [],
          },
        },
      },
    };
    renderScreen(<DatasetPage />, { ...route, mocks: [viewerMock(ALICE), datasetMock(owned), removed] });

    const problems = await screen.findByRole("status", { name: "Incomplete MSI run" });
    expect(within(problems).getByText(problem)).toBeInTheDocument();
    expect(screen.getByLabelText("Add files")).toHaveAttribute("multiple");
    const files = screen.getByRole("list", { name: "Stored files" });
    expect(within(files).getAllByRole("listitem").map((item) => item.querySelector(".filename")?.textContent)).toEqual(["liver.imzML", "notes.txt"]);

    await userEvent.click(screen.getByRole("button", { name: "Delete notes.txt" }));
    const dialog = screen.getByRole("dialog", { name: "Delete notes.txt?" });
    await userEvent.click(within(dialog).getByRole("button", { name: "Delete the file" }));

    await waitFor(() => expect(screen.queryByText("notes.txt")).not.toBeInTheDocument());
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(within(screen.getByRole("list", { name: "Stored files" })).getAllByRole("listitem")).toHaveLength(1);
  });

  it("says when an MSI run is complete", async () => {
    const pair = [imzml, { ...imzml, filename: "liver.ibd", downloadUrl: `${imzml.downloadUrl}/liver.ibd` }];
    renderScreen(<DatasetPage />, { ...route, mocks: [viewerMock(null), datasetMock({ ...msi, files: pair })] });

    expect(await screen.findByText(/Complete MSI run/)).toBeInTheDocument();
    expect(screen.queryByRole("status", { name: "Incomplete MSI run" })).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Download liver.ibd" })).toHaveAttribute("href", pair[1].downloadUrl);
  });
});
