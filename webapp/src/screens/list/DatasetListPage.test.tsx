import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ALICE, renderScreen, viewerMock } from "../../test/render";
import { DatasetListPage } from "./DatasetListPage";
import { DatasetListQuery } from "./operations";

function card(id: string, name: string, overrides: Record<string, unknown> = {}) {
  return {
    __typename: "DatasetEdge",
    cursor: `cursor-${id}`,
    node: {
      __typename: "Dataset",
      id,
      name,
      kind: "IMAGE",
      uploadStatus: "READY",
      fileProblems: [],
      badges: ["OWNER", "PRIVATE"],
      owner: { __typename: "User", id: ALICE.id, displayName: "Alice" },
      file: { __typename: "DataFile", sizeBytes: 1_500_000 },
      viewerPermissions: { __typename: "DatasetPermissions", canShare: true, canManageAccess: true },
      ...overrides,
    },
  };
}

function listMock(scope: string, edges: unknown[], hasNextPage = false, filters: { kind?: string; search?: string } = {}) {
  return {
    request: { query: DatasetListQuery, variables: { scope, kind: filters.kind ?? null, search: filters.search ?? null } },
    result: {
      data: {
        datasets: {
          __typename: "DatasetConnection",
          edges,
          pageInfo: { __typename: "PageInfo", hasNextPage, endCursor: hasNextPage ? "next" : null },
        },
      },
    },
  };
}

describe("the dataset list", () => {
  it("shows each card's name, kind, owner, size and status icons by name and tooltip", async () => {
    const shared = card("RGF0YXNldDoy", "Liver run", {
      kind: "MSI",
      badges: ["SHARED_WITH_ME", "AVAILABLE"],
      owner: { __typename: "User", id: "VXNlcjoy", displayName: "Bob" },
      viewerPermissions: { __typename: "DatasetPermissions", canShare: false, canManageAccess: false },
    });
    renderScreen(<DatasetListPage />, { mocks: [viewerMock(ALICE), listMock("MINE", [card("RGF0YXNldDox", "Kidney"), shared])] });

    const kidney = (await screen.findByRole("heading", { name: "Kidney" })).closest("li")!;
    expect(within(kidney).getByRole("img", { name: "Owner" })).toHaveAttribute("title", "Owner");
    expect(within(kidney).getByRole("img", { name: "Private" })).toHaveAttribute("title", "Private");
    expect(within(kidney).getByText("1.5 MB")).toBeInTheDocument();
    expect(within(kidney).getByRole("button", { name: "Share Kidney" })).toBeInTheDocument();
    expect(within(kidney).getByRole("button", { name: "Manage access to Kidney" })).toBeInTheDocument();

    const liver = screen.getByRole("heading", { name: "Liver run" }).closest("li")!;
    expect(within(liver).getByRole("img", { name: "Shared with me" })).toBeInTheDocument();
    expect(within(liver).getByRole("img", { name: "Available" })).toBeInTheDocument();
    expect(within(liver).getByText("Bob")).toBeInTheDocument();
    expect(within(liver).getByText("MSI")).toBeInTheDocument();
    expect(within(liver).queryByRole("button", { name: /Share/ })).not.toBeInTheDocument();
    expect(within(liver).queryByRole("button", { name: /Manage access/ })).not.toBeInTheDocument();
    expect(within(liver).queryByRole("img", { name: "Incomplete MSI run" })).not.toBeInTheDocument();

    expect(screen.getByRole("tab", { name: "Mine" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getAllByRole("tab").map((tab) => tab.textContent)).toEqual(["Mine", "Owned", "Shared with me", "Public"]);
  });

  it("marks the card of an incomplete MSI run with an icon naming it, its problems as the tooltip", async () => {
    const problem = "raw.imzML needs its binary data file, raw.ibd.";
    const run = card("RGF0YXNldDo0", "Raw run", { kind: "MSI", uploadStatus: "PENDING", fileProblems: [problem] });
    renderScreen(<DatasetListPage />, { mocks: [viewerMock(ALICE), listMock("MINE", [run])] });

    const raw = (await screen.findByRole("heading", { name: "Raw run" })).closest("li")!;
    const icon = within(raw).getByRole("img", { name: "Incomplete MSI run" });
    expect(icon).toHaveAttribute("title", `Incomplete MSI run: ${problem}`);
  });

  it("shows anonymous visitors the public datasets and a way to sign in", async () => {
    const open = card("RGF0YXNldDoz", "Open atlas", {
      badges: ["PUBLIC"],
      viewerPermissions: { __typename: "DatasetPermissions", canShare: false, canManageAccess: false },
    });
    renderScreen(<DatasetListPage />, { mocks: [viewerMock(null), listMock("PUBLIC", [open])] });

    const atlas = (await screen.findByRole("heading", { name: "Open atlas" })).closest("li")!;
    expect(within(atlas).getByRole("img", { name: "Public" })).toBeInTheDocument();
    expect(screen.getAllByRole("tab").map((tab) => tab.textContent)).toEqual(["Public"]);
    expect(screen.getByRole("link", { name: "Log in" })).toHaveAttribute("href", "/login");
    expect(screen.queryByRole("link", { name: "New dataset" })).not.toBeInTheDocument();
  });

  it("loads more cards after the last one on demand", async () => {
    const more = {
      request: { query: DatasetListQuery, variables: { scope: "MINE", kind: null, search: null, after: "next" } },
      result: {
        data: {
          datasets: {
            __typename: "DatasetConnection",
            edges: [card("RGF0YXNldDo0", "Second page")],
            pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: null },
          },
        },
      },
    };
    renderScreen(<DatasetListPage />, { mocks: [viewerMock(ALICE), listMock("MINE", [card("RGF0YXNldDox", "Kidney")], true), more] });

    await userEvent.click(await screen.findByRole("button", { name: "More datasets" }));

    expect(await screen.findByRole("heading", { name: "Second page" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Kidney" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "More datasets" })).not.toBeInTheDocument();
  });

  it("lists another tab, a search and a kind on demand", async () => {
    const mocks = [
      viewerMock(ALICE),
      listMock("MINE", [card("RGF0YXNldDox", "Kidney")]),
      listMock("SHARED_WITH_ME", [card("RGF0YXNldDoy", "From Bob")]),
      listMock("SHARED_WITH_ME", [card("RGF0YXNldDoz", "Liver from Bob")], false, { search: "liver" }),
      listMock("SHARED_WITH_ME", [], false, { search: "liver", kind: "MSI" }),
    ];
    renderScreen(<DatasetListPage />, { mocks });

    await screen.findByRole("heading", { name: "Kidney" });
    await userEvent.click(screen.getByRole("tab", { name: "Shared with me" }));
    expect(await screen.findByRole("heading", { name: "From Bob" })).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: "Shared with me" })).toHaveAttribute("aria-selected", "true");

    await userEvent.type(screen.getByRole("searchbox", { name: "Search datasets" }), "liver");
    await userEvent.click(screen.getByRole("button", { name: "Search" }));
    expect(await screen.findByRole("heading", { name: "Liver from Bob" })).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Kind" }), "MSI");
    expect(await screen.findByText("No datasets here yet.")).toBeInTheDocument();
  });

  it("moves between tabs with the arrow keys", async () => {
    const kidney = [card("RGF0YXNldDox", "Kidney")];
    const mocks = [viewerMock(ALICE), listMock("MINE", kidney), listMock("OWNED", kidney), listMock("PUBLIC", [])];
    renderScreen(<DatasetListPage />, { mocks });

    const mine = await screen.findByRole("tab", { name: "Mine" });
    mine.focus();
    await userEvent.keyboard("{ArrowRight}");

    const owned = screen.getByRole("tab", { name: "Owned" });
    expect(owned).toHaveAttribute("aria-selected", "true");
    expect(owned).toHaveFocus();
    expect(screen.getByRole("tabpanel")).toHaveAttribute("aria-labelledby", owned.id);
    await userEvent.keyboard("{End}");
    expect(screen.getByRole("tab", { name: "Public" })).toHaveAttribute("aria-selected", "true");
  });
});
