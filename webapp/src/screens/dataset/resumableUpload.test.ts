import { waitFor } from "@testing-library/react";
import { vi } from "vitest";
import { chunkChecksum, tusUploader, unfinishedUploads, type UploadEvents } from "./resumableUpload";

// Small chunks: jsdom reads a Blob far more slowly than a browser.
const CHUNK_BYTES = 1024;
const ENDPOINT = "http://127.0.0.1:8000/uploads/datasets/RGF0YXNldDox/files";

/** A tus 1.0 server in memory, answering the browser's XMLHttpRequests (jsdom cannot reach a real one). */
class TusServer {
  offsets = new Map<string, number>();
  lengths = new Map<string, number>();
  log: string[] = [];
  checksums: (string | undefined)[] = [];
  /** PATCHes past this many are held, unanswered (a slow network, to pause in). */
  answeredPatches: number | null = null;
  held: TusRequest[] = [];

  answer(request: TusRequest, body: Blob | null): void {
    const header = (name: string) => request.headers[name.toLowerCase()];
    const token = request.url.slice(ENDPOINT.length + 1);
    if (request.method === "POST") {
      const id = `u${this.offsets.size + 1}`;
      this.offsets.set(id, 0);
      this.lengths.set(id, Number(header("Upload-Length")));
      this.log.push(`POST ${atob(header("Upload-Metadata").split(",")[0].split(" ")[1])}`);
      return request.respond(201, { Location: `${ENDPOINT}/${id}` });
    }
    if (request.method === "HEAD") {
      this.log.push(`HEAD ${token}`);
      return request.respond(200, { "Upload-Offset": String(this.offsets.get(token)), "Upload-Length": String(this.lengths.get(token)) });
    }
    if (request.method === "PATCH") {
      if (this.answeredPatches !== null && this.checksums.length >= this.answeredPatches) {
        this.held.push(request);
        return;
      }
      const offset = Number(header("Upload-Offset"));
      this.log.push(`PATCH ${token} at ${offset}`);
      this.checksums.push(header("Upload-Checksum"));
      const now = offset + (body?.size ?? 0);
      this.offsets.set(token, now);
      return request.respond(204, { "Upload-Offset": String(now) });
    }
    this.log.push(`${request.method} ${token}`);
    request.respond(204, {});
  }
}

let server: TusServer;

class TusRequest {
  method = "";
  url = "";
  headers: Record<string, string> = {};
  status = 0;
  responseText = "";
  answered: Record<string, string> = {};
  aborted = false;
  upload: { onprogress?: (event: ProgressEvent) => void } = {};
  onload?: () => void;
  onerror?: (error: unknown) => void;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }
  getResponseHeader(name: string): string | null {
    const found = Object.entries(this.answered).find(([key]) => key.toLowerCase() === name.toLowerCase());
    return found ? found[1] : null;
  }
  send(body: Blob | null) {
    queueMicrotask(() => server.answer(this, body));
  }
  abort() {
    this.aborted = true;
  }
  respond(status: number, headers: Record<string, string>) {
    if (this.aborted) return;
    this.status = status;
    this.answered = { "Tus-Resumable": "1.0.0", ...headers };
    this.onload?.();
  }
}

function events(): UploadEvents & { done: Promise<void>; sent: number; failure: string | null } {
  let finish = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  const watched = {
    done,
    sent: 0,
    failure: null as string | null,
    onProgress: (sent: number) => (watched.sent = sent),
    onStored: () => {},
    onSuccess: () => finish(),
    onError: (message: string) => {
      watched.failure = message;
    },
  };
  return watched;
}

function file(size: number, name = "raw.ibd"): File {
  return new File([new Uint8Array(size).fill(7)], name, { type: "application/octet-stream", lastModified: 1_700_000_000_000 });
}

describe("resumable uploads with tus", () => {
  beforeEach(() => {
    server = new TusServer();
    localStorage.clear();
    vi.stubGlobal("XMLHttpRequest", TusRequest);
  });
  afterEach(() => vi.unstubAllGlobals());

  it("creates an upload named after the file and sends it in chunks, each with the SHA-256 of its bytes", async () => {
    const bytes = file(CHUNK_BYTES + 10);
    const watched = events();
    tusUploader(ENDPOINT, CHUNK_BYTES).start(bytes, watched);
    await watched.done;

    expect(watched.failure).toBeNull();
    expect(server.log).toEqual(["POST raw.ibd", `PATCH u1 at 0`, `PATCH u1 at ${CHUNK_BYTES}`]);
    expect(server.checksums).toEqual([await chunkChecksum(bytes.slice(0, CHUNK_BYTES)), await chunkChecksum(bytes.slice(CHUNK_BYTES))]);
    expect(server.checksums[1]).toMatch(/^sha256 [A-Za-z0-9+/]{43}=$/);
    // Finished: nothing is left for a later page to resume.
    expect(localStorage.length).toBe(0);
  });

  it("pauses between chunks and, after a reload, goes on from where the server stopped when the file is chosen again", async () => {
    const bytes = file(2 * CHUNK_BYTES + 1);
    const first = events();
    server.answeredPatches = 1;
    const handle = tusUploader(ENDPOINT, CHUNK_BYTES).start(bytes, first);
    await waitFor(() => expect(server.held).toHaveLength(1));
    expect(first.sent).toBe(CHUNK_BYTES);
    handle.pause();
    server.answeredPatches = null;

    // What the page shows after a reload, before the file is chosen again.
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string) => new Response(null, { status: 200, headers: { "Upload-Offset": String(server.offsets.get(url.split("/").pop()!)) } })),
    );
    expect(await unfinishedUploads(ENDPOINT)).toEqual([
      expect.objectContaining({ filename: "raw.ibd", sizeBytes: 2 * CHUNK_BYTES + 1, sentBytes: CHUNK_BYTES, uploadUrl: `${ENDPOINT}/u1` }),
    ]);

    const second = events();
    tusUploader(ENDPOINT, CHUNK_BYTES).start(bytes, second);
    await second.done;
    expect([first.failure, second.failure]).toEqual([null, null]);
    expect(server.log).toEqual(["POST raw.ibd", "PATCH u1 at 0", "HEAD u1", `PATCH u1 at ${CHUNK_BYTES}`, `PATCH u1 at ${2 * CHUNK_BYTES}`]);
    expect(server.offsets.get("u1")).toBe(2 * CHUNK_BYTES + 1);
    expect(await unfinishedUploads(ENDPOINT)).toEqual([]);
  });
});
