import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ALICE, renderScreen, userError, viewerMock } from "../../test/render";
import { CreateDatasetPage } from "./CreateDatasetPage";
import { CreateDatasetMutation } from "./operations";

function createMock(input: Record<string, string>, payload: Record<string, unknown>) {
  return {
    request: { query: CreateDatasetMutation, variables: { input } },
    result: { data: { createDataset: { __typename: "CreateDatasetPayload", dataset: null, uploadUrl: null, errors: [], ...payload } } },
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

  it("goes on to upload the file of the dataset it created", async () => {
    const input = { name: "Liver run", description: "", kind: "MSI" };
    const dataset = { __typename: "Dataset", id: "RGF0YXNldDox", name: "Liver run", kind: "MSI" };
    const mocks = [viewerMock(ALICE), createMock(input, { dataset, uploadUrl: "http://127.0.0.1:8000/uploads/datasets/RGF0YXNldDox" })];
    renderScreen(<CreateDatasetPage />, { mocks });

    await userEvent.type(await screen.findByLabelText("Name"), "Liver run");
    await userEvent.click(screen.getByLabelText("MSI run"));
    await userEvent.click(screen.getByRole("button", { name: "Create" }));

    expect(await screen.findByRole("heading", { name: "Upload the file of Liver run" })).toBeInTheDocument();
    expect(screen.getByLabelText("File to upload")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Upload" })).toBeDisabled();
  });

  it("asks anonymous visitors to log in", async () => {
    renderScreen(<CreateDatasetPage />, { mocks: [viewerMock(null)] });

    expect(await screen.findByRole("link", { name: "Log in" })).toHaveAttribute("href", "/login?next=%2Fdatasets%2Fnew");
  });
});
