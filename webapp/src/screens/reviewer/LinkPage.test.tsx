import { screen } from "@testing-library/react";
import { answer, renderScreen } from "../../test/render";
import { LinkPage } from "./LinkPage";
import { DatasetByLinkQuery } from "./operations";

const TOKEN = "a-token-of-enough-random-bits";
const route = { route: `/l/${TOKEN}`, path: "/l/:token" };

const msi = {
  __typename: "Dataset",
  id: "RGF0YXNldDox",
  name: "Liver run",
  description: "",
  kind: "MSI",
  annotatable: false,
  createdAt: "2026-11-25T10:00:00+00:00",
  owner: { __typename: "User", id: "VXNlcjow", displayName: "Anonymous" },
  file: { __typename: "DataFile", filename: "liver.imzML", sizeBytes: 2048, downloadUrl: "http://127.0.0.1:8000/files/datasets/RGF0YXNldDox?link=x" },
  files: [
    { __typename: "DataFile", filename: "liver.ibd", sizeBytes: 4096, downloadUrl: "http://127.0.0.1:8000/files/datasets/RGF0YXNldDox/liver.ibd?link=x" },
    { __typename: "DataFile", filename: "liver.imzML", sizeBytes: 2048, downloadUrl: "http://127.0.0.1:8000/files/datasets/RGF0YXNldDox/liver.imzML?link=x" },
  ],
  viewerPermissions: { __typename: "DatasetPermissions", canView: true, canDownload: false },
  annotations: { __typename: "AnnotationConnection", edges: [], pageInfo: { __typename: "PageInfo", hasNextPage: false } },
};

describe("the reviewer link page", () => {
  it("shows the dataset with its stand-in owner, and no download when the link allows none", async () => {
    renderScreen(<LinkPage />, { ...route, mocks: [answer(DatasetByLinkQuery, { token: TOKEN }, { datasetByLink: msi })] });

    expect(await screen.findByRole("heading", { name: "Liver run" })).toBeInTheDocument();
    expect(screen.getByText("Anonymous")).toBeInTheDocument();
    expect(screen.getByText("liver.imzML")).toBeInTheDocument();
    expect(screen.getByText("liver.ibd")).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: /Download/ })).not.toBeInTheDocument();
    expect(screen.getByText("Downloads are not allowed through this link.")).toBeInTheDocument();
  });

  it("lists every file with its own signed download link when the link allows downloads", async () => {
    const downloadable = { ...msi, viewerPermissions: { ...msi.viewerPermissions, canDownload: true } };
    renderScreen(<LinkPage />, { ...route, mocks: [answer(DatasetByLinkQuery, { token: TOKEN }, { datasetByLink: downloadable })] });

    const files = await screen.findByRole("list", { name: "Files" });
    expect(Array.from(files.querySelectorAll(".filename"), (name) => name.textContent)).toEqual(["liver.ibd", "liver.imzML"]);
    expect(screen.getByRole("link", { name: "Download liver.ibd" })).toHaveAttribute("href", msi.files[0].downloadUrl);
    expect(screen.getByRole("link", { name: "Download liver.imzML" })).toHaveAttribute("href", msi.files[1].downloadUrl);
    expect(screen.queryByText("Downloads are not allowed through this link.")).not.toBeInTheDocument();
  });

  it("says so when the link is unknown, revoked or expired", async () => {
    renderScreen(<LinkPage />, { ...route, mocks: [answer(DatasetByLinkQuery, { token: TOKEN }, { datasetByLink: null })] });

    expect(await screen.findByRole("heading", { name: "This link is no longer valid" })).toBeInTheDocument();
  });
});
