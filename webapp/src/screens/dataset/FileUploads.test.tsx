import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { StrictMode } from "react";
import { vi } from "vitest";
import { FileUploads } from "./FileUploads";
import type { UnfinishedUpload, UploadEvents, UploadHandle, Uploader } from "./resumableUpload";

const UPLOAD_URL = "http://127.0.0.1:8000/uploads/datasets/RGF0YXNldDox";

/** Uploads that move only when the test says: what the screen is told, and what it asks. */
class ControlledUploader implements Uploader {
  started = new Map<string, UploadEvents>();
  calls: string[] = [];
  start = (file: File, events: UploadEvents): UploadHandle => {
    this.started.set(file.name, events);
    this.calls.push(`start ${file.name}`);
    return {
      pause: () => this.calls.push(`pause ${file.name}`),
      resume: () => this.calls.push(`resume ${file.name}`),
      cancel: async () => {
        this.calls.push(`cancel ${file.name}`);
      },
    };
  };
  events(name: string): UploadEvents {
    const found = this.started.get(name);
    if (!found) throw new Error(`${name} was never started`);
    return found;
  }
}

function file(name: string, size: number): File {
  return new File([new Uint8Array(size)], name, { type: "application/octet-stream" });
}

function row(name: string): HTMLElement {
  return screen.getByRole("progressbar", { name: `Upload of ${name}` }).closest("li")!;
}

describe("uploading several files", () => {
  it("starts the files it is handed at once, each once, even when React mounts it twice", async () => {
    const uploader = new ControlledUploader();
    const handed = [file("raw.imzML", 1000), file("raw.ibd", 4000)];
    render(
      <StrictMode>
        <FileUploads uploadUrl={UPLOAD_URL} onUploaded={vi.fn()} initialFiles={handed} uploader={uploader} findUnfinished={async () => []} />
      </StrictMode>,
    );

    expect(await screen.findByRole("progressbar", { name: "Upload of raw.ibd" })).toBeInTheDocument();
    expect(screen.getAllByRole("progressbar")).toHaveLength(2);
    expect(uploader.calls).toEqual(["start raw.imzML", "start raw.ibd"]);
    act(() => uploader.events("raw.imzML").onProgress(500, 1000));
    expect(within(row("raw.imzML")).getByText("Uploading: 50% of 1.0 KB")).toBeInTheDocument();
  });

  it("sends every chosen file with its own progress, pause and resume, and says when each has arrived", async () => {
    const uploader = new ControlledUploader();
    const onUploaded = vi.fn();
    render(<FileUploads uploadUrl={UPLOAD_URL} onUploaded={onUploaded} uploader={uploader} findUnfinished={async () => []} />);

    await userEvent.upload(screen.getByLabelText("Add files"), [file("raw.imzML", 1000), file("raw.ibd", 4000)]);
    expect(uploader.calls).toEqual(["start raw.imzML", "start raw.ibd"]);
    expect(screen.getAllByRole("progressbar")).toHaveLength(2);

    act(() => uploader.events("raw.ibd").onStored(1000));
    act(() => uploader.events("raw.ibd").onProgress(3000, 4000));
    expect(screen.getByRole("progressbar", { name: "Upload of raw.ibd" })).toHaveAttribute("value", "75");
    expect(within(row("raw.ibd")).getByText("Uploading: 75% of 4.0 KB")).toBeInTheDocument();

    // The bytes of the interrupted request are not kept: paused where the server stands.
    await userEvent.click(screen.getByRole("button", { name: "Pause raw.ibd" }));
    expect(within(row("raw.ibd")).getByText("Paused at 25% of 4.0 KB")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Resume raw.ibd" }));
    expect(screen.getByRole("button", { name: "Pause raw.ibd" })).toBeInTheDocument();
    expect(uploader.calls.slice(2)).toEqual(["pause raw.ibd", "resume raw.ibd"]);

    act(() => uploader.events("raw.imzML").onSuccess());
    expect(onUploaded).toHaveBeenCalledWith("raw.imzML");
    expect(screen.queryByRole("progressbar", { name: "Upload of raw.imzML" })).not.toBeInTheDocument();
    expect(screen.getByRole("progressbar", { name: "Upload of raw.ibd" })).toBeInTheDocument();
  });

  it("says why an upload stopped, offers to resume it, and cancels one on request", async () => {
    const uploader = new ControlledUploader();
    render(<FileUploads uploadUrl={UPLOAD_URL} onUploaded={vi.fn()} uploader={uploader} findUnfinished={async () => []} />);
    await userEvent.upload(screen.getByLabelText("Add files"), [file("big.ibd", 2000), file("notes.txt", 10)]);

    act(() => uploader.events("big.ibd").onError("The file is larger than this server accepts."));
    expect(within(row("big.ibd")).getByRole("alert")).toHaveTextContent("The file is larger than this server accepts.");
    expect(screen.getByRole("button", { name: "Resume big.ibd" })).toBeInTheDocument();

    await userEvent.click(screen.getByRole("button", { name: "Cancel notes.txt" }));
    expect(uploader.calls).toContain("cancel notes.txt");
    expect(screen.queryByRole("progressbar", { name: "Upload of notes.txt" })).not.toBeInTheDocument();
  });

  it("lists what this browser left unfinished, until the same file is chosen again or it is discarded", async () => {
    const uploader = new ControlledUploader();
    const left: UnfinishedUpload[] = [
      { storageKey: "tus::a", uploadUrl: `${UPLOAD_URL}/files/a`, filename: "raw.ibd", sizeBytes: 4000, sentBytes: 1000 },
      { storageKey: "tus::b", uploadUrl: `${UPLOAD_URL}/files/b`, filename: "old.ibd", sizeBytes: 10, sentBytes: null },
    ];
    const findUnfinished = vi.fn(async () => left);
    const discard = vi.fn(async () => {});
    render(<FileUploads uploadUrl={UPLOAD_URL} onUploaded={vi.fn()} uploader={uploader} findUnfinished={findUnfinished} discard={discard} />);

    const unfinished = await screen.findByRole("list", { name: "Unfinished uploads" });
    expect(findUnfinished).toHaveBeenCalledWith(`${UPLOAD_URL}/files`);
    expect(within(unfinished).getByText(/25% of 4\.0 KB sent: choose it again to resume/)).toBeInTheDocument();

    await userEvent.upload(screen.getByLabelText("Add files"), [file("raw.ibd", 4000)]);
    expect(within(unfinished).queryByText("raw.ibd")).not.toBeInTheDocument();
    expect(uploader.calls).toEqual(["start raw.ibd"]);

    await userEvent.click(screen.getByRole("button", { name: "Discard the unfinished upload of old.ibd" }));
    expect(discard).toHaveBeenCalledWith(left[1]);
    expect(screen.queryByRole("list", { name: "Unfinished uploads" })).not.toBeInTheDocument();
  });
});
