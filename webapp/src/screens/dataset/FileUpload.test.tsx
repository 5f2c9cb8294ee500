import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { vi } from "vitest";
import { FileUpload } from "./FileUpload";

/** Stands in for the browser's XMLHttpRequest, which jsdom cannot send to a real server. */
class UploadRequest {
  static last: UploadRequest;
  headers: Record<string, string> = {};
  method = "";
  url = "";
  body: unknown;
  status = 0;
  responseText = "";
  upload: { onprogress?: (event: { lengthComputable: boolean; loaded: number; total: number }) => void } = {};
  onload?: () => void;
  onerror?: () => void;
  constructor() {
    UploadRequest.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
  }
}

describe("uploading a file", () => {
  beforeEach(() => vi.stubGlobal("XMLHttpRequest", UploadRequest));
  afterEach(() => vi.unstubAllGlobals());

  it("PUTs the file with its type and name, shows its progress, and says when it is done", async () => {
    const onUploaded = vi.fn();
    render(<FileUpload uploadUrl="http://127.0.0.1:8000/uploads/datasets/RGF0YXNldDox" onUploaded={onUploaded} />);
    const file = new File(["x".repeat(1000)], "kidney.png", { type: "image/png" });

    await userEvent.upload(screen.getByLabelText("File to upload"), file);
    await userEvent.click(screen.getByRole("button", { name: "Upload" }));

    const request = UploadRequest.last;
    expect(request.method).toBe("PUT");
    expect(request.url).toBe("http://127.0.0.1:8000/uploads/datasets/RGF0YXNldDox");
    expect(request.headers["Content-Type"]).toBe("image/png");
    expect(request.headers["Content-Disposition"]).toContain('filename="kidney.png"');
    expect(request.body).toBe(file);

    act(() => request.upload.onprogress?.({ lengthComputable: true, loaded: 400, total: 1000 }));
    expect(screen.getByRole("progressbar", { name: "Upload progress" })).toHaveAttribute("value", "40");

    request.status = 201;
    request.responseText = JSON.stringify({ sha256: "ab", sizeBytes: 1000 });
    await act(async () => request.onload?.());
    expect(onUploaded).toHaveBeenCalled();
  });

  it("says why an upload was refused", async () => {
    render(<FileUpload uploadUrl="/uploads/datasets/RGF0YXNldDox" onUploaded={vi.fn()} />);
    await userEvent.upload(screen.getByLabelText("File to upload"), new File(["x"], "big.bin"));
    await userEvent.click(screen.getByRole("button", { name: "Upload" }));

    UploadRequest.last.status = 413;
    await act(async () => UploadRequest.last.onload?.());

    expect(screen.getByRole("alert")).toHaveTextContent("The file is larger than this server accepts.");
    expect(UploadRequest.last.headers["Content-Type"]).toBe("application/octet-stream");
  });
});
