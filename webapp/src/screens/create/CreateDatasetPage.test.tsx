import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ALICE, renderScreen, userError, viewerMock } from "../../test/render";
import { forgetHandedOver, handedOverFiles } from "../dataset/handOver";
import { CreateDatasetPage } from "./CreateDatasetPage";
import { CreateDatasetMutation } from "./operations";

const ID = "RGF0YXNldDox";

function file(name: string, size: number): File {
  return new File([new Uint8Array(size)], name, { type: "application/octet-stream" });
}

function createMock(input: Record<string, string>, payload: Record<string, unknown>) {
  return {
    request: { query: CreateDatasetMutation, variables: { input } },
    result: { data: { createDataset: { __typename: "CreateDatasetPayload", dataset: null, errors: [], ...payload } } },
  };
}

describe("a new dataset", () => {
  it("shows the name's error at the name, keeping the description", async () => {
    const input = { name: " ", description: "Stained with H&E", kind: "IMAGE" };
    const mocks = [viewerMock(ALICE), createMock(input, { errors: [userError("A name has 1 to 200 characters.", "name")] })];
    renderScreen(<CreateDatasetPage />, { mocks });

    await userEvent.type(await screen.findByLabelText("Name"), " ");
    await userEvent.type(screen.getByLabelText("Description"), "Stained with H&E");
    await userEvent.click(screen.getByRole("button", { name: "Create" }));

    expect(await screen.findByText("A name has 1 to 200 characters.")).toBeInTheDocument();
    expect(screen.getByLabelText("Name")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Description")).toHaveValue("Stained with H&E");
  });

  it("creates the dataset with the files chosen for it and hands them to its page to send", async () => {
    const input = { name: "Liver run", description: "", kind: "MSI" };
    const dataset = { __typename: "Dataset", id: ID, name: "Liver run", kind: "MSI" };
    const mocks = [viewerMock(ALICE), createMock(input, { dataset })];
    renderScreen(<CreateDatasetPage />, { mocks, route: "/datasets/new", path: "/datasets/new" });
    const run = [file("liver.imzML", 1200), file("liver.ibd", 4000)];

    await userEvent.type(await screen.findByLabelText("Name"), "Liver run");
    await userEvent.click(screen.getByLabelText("MSI run"));
    const chooser = screen.getByLabelText("Files to upload");
    expect(chooser).toHaveAttribute("multiple");
    await userEvent.upload(chooser, run);
    const chosen = screen.getByRole("list", { name: "Chosen files" });
    expect(within(chosen).getAllByRole("listitem").map((item) => item.textContent)).toEqual(["liver.imzML 1.2 KB", "liver.ibd 4.0 KB"]);
    expect(handedOverFiles(ID)).toEqual([]);
    await userEvent.click(screen.getByRole("button", { name: "Create" }));

    expect(await screen.findByText("elsewhere")).toBeInTheDocument();
    expect(handedOverFiles(ID).map((each) => each.name)).toEqual(["liver.imzML", "liver.ibd"]);
    forgetHandedOver(ID);
  });

  it("creates a dataset without files and opens its page", async () => {
    const input = { name: "Kidney", description: "", kind: "IMAGE" };
    const dataset = { __typename: "Dataset", id: ID, name: "Kidney", kind: "IMAGE" };
    renderScreen(<CreateDatasetPage />, { mocks: [viewerMock(ALICE), createMock(input, { dataset })], route: "/datasets/new", path: "/datasets/new" });

    await userEvent.type(await screen.findByLabelText("Name"), "Kidney");
    await userEvent.click(screen.getByRole("button", { name: "Create" }));

    expect(await screen.findByText("elsewhere")).toBeInTheDocument();
    expect(handedOverFiles(ID)).toEqual([]);
  });

  it("asks anonymous visitors to log in", async () => {
    renderScreen(<CreateDatasetPage />, { mocks: [viewerMock(null)] });

    expect(await screen.findByRole("link", { name: "Log in" })).toHaveAttribute("href", "/login?next=%2Fdatasets%2Fnew");
  });
});
