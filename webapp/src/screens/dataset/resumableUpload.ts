import { DetailedError, DefaultHttpStack, Upload, defaultOptions, type HttpRequest, type HttpResponse, type HttpStack } from "tus-js-client";

/**
 * Bytes per PATCH. Each chunk is checksummed before it is sent (the server keeps none of a
 * chunk whose checksum is wrong), and an interrupted upload resumes from the last chunk the
 * server acknowledged.
 */
export const CHUNK_BYTES = 8 * 1024 * 1024;

/** `Upload-Checksum` for a chunk (the server offers sha256); null where the browser cannot hash (not a secure context). */
export async function chunkChecksum(body: Blob): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = new Uint8Array(await subtle.digest("SHA-256", await body.arrayBuffer()));
  let binary = "";
  for (const byte of digest) binary += String.fromCharCode(byte);
  return `sha256 ${btoa(binary)}`;
}

/** The browser's tus requests, each PATCH with the checksum of its chunk. */
class ChecksummedRequest implements HttpRequest {
  private aborted = false;
  constructor(private readonly request: HttpRequest) {}
  getMethod = () => this.request.getMethod();
  getURL = () => this.request.getURL();
  setHeader = (header: string, value: string) => this.request.setHeader(header, value);
  getHeader = (header: string) => this.request.getHeader(header);
  setProgressHandler = (handler: (bytesSent: number) => void) => this.request.setProgressHandler(handler);
  abort = () => {
    this.aborted = true;
    return this.request.abort();
  };
  getUnderlyingObject = () => this.request.getUnderlyingObject();

  async send(body: unknown): Promise<HttpResponse> {
    if (this.getMethod() === "PATCH" && body instanceof Blob) {
      const checksum = await chunkChecksum(body);
      if (checksum) this.setHeader("Upload-Checksum", checksum);
      // Paused while hashing: the request is not sent at all.
      if (this.aborted) throw new Error("The upload was paused.");
    }
    return this.request.send(body);
  }
}

class ChecksummingHttpStack implements HttpStack {
  private readonly stack = new DefaultHttpStack({});
  createRequest(method: string, url: string): HttpRequest {
    return new ChecksummedRequest(this.stack.createRequest(method, url));
  }
  getName(): string {
    return "ChecksummingHttpStack";
  }
}

const httpStack = new ChecksummingHttpStack();

/** What an upload tells the screen while it travels. */
export interface UploadEvents {
  onProgress: (sentBytes: number, totalBytes: number) => void;
  /** The server has acknowledged this many bytes: what a pause keeps. */
  onStored: (storedBytes: number) => void;
  onSuccess: () => void;
  onError: (message: string) => void;
}

/** A running upload: pause keeps what the server has; cancel abandons it there too. */
export interface UploadHandle {
  pause: () => void;
  resume: () => void;
  cancel: () => Promise<void>;
}

/** Starts uploads of files to one dataset. */
export interface Uploader {
  start: (file: File, events: UploadEvents) => UploadHandle;
}

/** An upload this browser began earlier (before a reload) and did not finish. */
export interface UnfinishedUpload {
  storageKey: string;
  uploadUrl: string;
  filename: string;
  sizeBytes: number;
  /** How many bytes the server holds; null if it could not say. */
  sentBytes: number | null;
}

/** The failure of an upload, for people. */
export function uploadFailure(error: Error): string {
  const status = error instanceof DetailedError ? error.originalResponse?.getStatus() : undefined;
  if (status === 413) return "The file is larger than this server accepts.";
  if (status === 401) return "Your session has ended: log in again, then choose the file again to resume.";
  if (status === 404) return "This dataset is no longer yours to upload to.";
  if (status) return `The upload failed (${status}).`;
  return "The upload failed: the connection broke. Resume to go on from where it stopped.";
}

/**
 * Resumable uploads with tus (tus-js-client) to `<uploadUrl>/files`, with the session
 * cookie (same origin). Each upload's URL is remembered in this browser (local storage, by
 * the file's name, type, size and date and the endpoint), so choosing the same file again,
 * after a reload too, goes on where the server stopped.
 */
export function tusUploader(endpoint: string, chunkBytes = CHUNK_BYTES): Uploader {
  return {
    start(file, events) {
      const upload = new Upload(file, {
        endpoint,
        chunkSize: chunkBytes,
        retryDelays: [0, 1000, 3000, 5000],
        metadata: { filename: file.name, filetype: file.type || "application/octet-stream" },
        removeFingerprintOnSuccess: true,
        httpStack,
        onProgress: events.onProgress,
        onChunkComplete: (_chunk, accepted) => events.onStored(accepted),
        onSuccess: events.onSuccess,
        onError: (error) => events.onError(uploadFailure(error)),
      });
      let paused = false;
      const ready = upload.findPreviousUploads().then(
        (previous) => {
          // The newest one this browser began for the same file.
          const newest = [...previous].sort((a, b) => b.creationTime.localeCompare(a.creationTime))[0];
          if (newest) upload.resumeFromPreviousUpload(newest);
        },
        () => undefined, // nothing remembered: a new upload
      );
      void ready.then(() => {
        if (!paused) upload.start();
      });
      return {
        pause: () => {
          paused = true;
          void upload.abort();
        },
        resume: () => {
          paused = false;
          void ready.then(() => upload.start());
        },
        cancel: () => ready.then(() => upload.abort(true)),
      };
    },
  };
}

const TUS_HEADERS = { "Tus-Resumable": "1.0.0" };

/** The uploads to `endpoint` this browser began and did not finish, with how far each got. */
export async function unfinishedUploads(endpoint: string): Promise<UnfinishedUpload[]> {
  const stored = await defaultOptions.urlStorage.findAllUploads();
  const found: UnfinishedUpload[] = [];
  for (const entry of stored) {
    if (!entry.uploadUrl?.startsWith(`${endpoint}/`)) continue;
    let sentBytes: number | null = null;
    try {
      const answer = await fetch(entry.uploadUrl, { method: "HEAD", headers: TUS_HEADERS, credentials: "same-origin" });
      if (answer.status === 404 || answer.status === 410) {
        // Expired or abandoned on the server: nothing to resume.
        await defaultOptions.urlStorage.removeUpload(entry.urlStorageKey);
        continue;
      }
      if (answer.ok) sentBytes = Number(answer.headers.get("Upload-Offset"));
    } catch {
      // Offline: still worth listing; the offset is unknown.
    }
    found.push({
      storageKey: entry.urlStorageKey,
      uploadUrl: entry.uploadUrl,
      filename: entry.metadata.filename ?? "a file",
      sizeBytes: entry.size ?? 0,
      sentBytes,
    });
  }
  return found;
}

/** Abandon an unfinished upload: the server drops its bytes, this browser forgets it. */
export async function discardUnfinished(upload: UnfinishedUpload): Promise<void> {
  try {
    await Upload.terminate(upload.uploadUrl, { ...defaultOptions, httpStack });
  } finally {
    await defaultOptions.urlStorage.removeUpload(upload.storageKey);
  }
}
