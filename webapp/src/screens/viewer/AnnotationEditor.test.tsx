import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { vi } from "vitest";
import { userError } from "../../test/render";
import { AnnotationEditor } from "./AnnotationEditor";
import { AnnotationList } from "./AnnotationList";

const annotation = {
  __typename: "Annotation" as const,
  id: "QW5ub3RhdGlvbjox",
  label: "Glomerulus",
  note: "A nice one.",
  color: "#ffcc00",
  geometry: { type: "Point", coordinates: [1, 2] },
  viewerCanEdit: true,
  author: { __typename: "User" as const, id: "VXNlcjoy", displayName: "Bob" },
};

describe("the annotation list", () => {
  it("lists annotations by label and author and shows the chosen one's note", async () => {
    const onSelect = vi.fn();
    const { rerender } = render(<AnnotationList annotations={[annotation]} selectedId={null} onSelect={onSelect} />);
    const list = screen.getByRole("list", { name: "Annotations" });
    await userEvent.click(within(list).getByRole("button", { name: "Glomerulus by Bob" }));
    expect(onSelect).toHaveBeenCalledWith(annotation.id);
    expect(screen.queryByText("A nice one.")).not.toBeInTheDocument();

    rerender(<AnnotationList annotations={[annotation]} selectedId={annotation.id} onSelect={onSelect} />);
    expect(screen.getByRole("button", { name: "Glomerulus by Bob" })).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByText("A nice one.")).toBeInTheDocument();
  });
});

describe("the annotation editor", () => {
  it("saves label, colour and note, and shows an error at its field keeping the text", async () => {
    const onSave = vi.fn().mockResolvedValue({ errors: [userError("A label has 1 to 200 characters.", "label")] });
    render(<AnnotationEditor annotation={annotation} busy={false} onSave={onSave} onDelete={() => undefined} />);

    await userEvent.clear(screen.getByLabelText("Label"));
    await userEvent.clear(screen.getByLabelText("Note"));
    await userEvent.type(screen.getByLabelText("Note"), "Changed");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));

    expect(onSave).toHaveBeenCalledWith({ label: "", color: "#ffcc00", note: "Changed" });
    expect(await screen.findByText("A label has 1 to 200 characters.")).toBeInTheDocument();
    expect(screen.getByLabelText("Label")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Note")).toHaveValue("Changed");
  });

  it("deletes", async () => {
    const onDelete = vi.fn();
    render(<AnnotationEditor annotation={annotation} busy={false} onSave={vi.fn()} onDelete={onDelete} />);
    await userEvent.click(screen.getByRole("button", { name: "Delete" }));
    expect(onDelete).toHaveBeenCalled();
  });
});
