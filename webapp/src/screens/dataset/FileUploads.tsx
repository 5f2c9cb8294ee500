import { useCallback, useEffect, useId, useMemo, useRef } from "react";
import { formatSize } from "../../components/format";
import { discardUnfinished, tusUploader, unfinishedUploads, type UnfinishedUpload, type Uploader } from "./resumableUpload";
import { useFileUploads, type UploadItem } from "./useFileUploads";

interface FileUploadsProps {
  /** The dataset's `uploadUrl`; its tus endpoint is this followed by /files. */
  uploadUrl: string;
  onUploaded: (filename: string) => void;
  /** Files to send as soon as the list shows (those chosen when the dataset was created). */
  initialFiles?: readonly File[];
  /** How files travel and what this browser left unfinished; tus unless a test says otherwise. */
  uploader?: Uploader;
  findUnfinished?: (endpoint: string) => Promise<UnfinishedUpload[]>;
  discard?: (upload: UnfinishedUpload) => Promise<void>;
}

function percent(sent: number, total: number): number {
  return total > 0 ? Math.floor((sent / total) * 100) : 100;
}

function describe(item: UploadItem): string {
  const sent = `${percent(item.sentBytes, item.sizeBytes)}% of ${formatSize(item.sizeBytes)}`;
  if (item.state === "paused") return `Paused at ${sent}`;
  if (item.state === "failed") return `Stopped at ${sent}: ${item.failure}`;
  return `Uploading: ${sent}`;
}

/**
 * Choose several files and send them resumably, each with its progress, pause and resume;
 * uploads a reload interrupted are listed, and go on when their file is chosen again.
 */
export function FileUploads({ uploadUrl, onUploaded, initialFiles, uploader, findUnfinished = unfinishedUploads, discard = discardUnfinished }: FileUploadsProps) {
  const inputId = useId();
  const endpoint = `${uploadUrl}/files`;
  const sender = useMemo(() => uploader ?? tusUploader(endpoint), [uploader, endpoint]);
  const find = useCallback(() => findUnfinished(endpoint), [findUnfinished, endpoint]);
  const { uploads, unfinished, add, pause, resume, cancel, discard: forget } = useFileUploads({
    uploader: sender,
    findUnfinished: find,
    discardUnfinished: discard,
    onUploaded,
  });
  const started = useRef(false);
  useEffect(() => {
    if (started.current || !initialFiles?.length) return;
    // After this render has settled (not in a mount that is at once undone): once.
    const timer = setTimeout(() => {
      started.current = true;
      add(initialFiles);
    });
    return () => clearTimeout(timer);
  }, [initialFiles, add]);

  return (
    <div className="uploads">
      <label htmlFor={inputId}>Add files</label>
      <input
        id={inputId}
        type="file"
        multiple
        onChange={(event) => {
          add(Array.from(event.target.files ?? []));
          // The same file may be chosen again (to resume it after cancelling, say).
          event.target.value = "";
        }}
      />
      <p className="hint">Files of the same name are replaced once the new one has arrived whole.</p>
      {unfinished.length > 0 && (
        <ul className="uploads-list" aria-label="Unfinished uploads">
          {unfinished.map((upload) => (
            <li key={upload.storageKey}>
              <span className="filename">{upload.filename}</span>{" "}
              <span>
                {upload.sentBytes === null
                  ? "not finished"
                  : `${percent(upload.sentBytes, upload.sizeBytes)}% of ${formatSize(upload.sizeBytes)} sent`}
                : choose it again to resume.
              </span>{" "}
              <button type="button" aria-label={`Discard the unfinished upload of ${upload.filename}`} onClick={() => void forget(upload)}>
                Discard
              </button>
            </li>
          ))}
        </ul>
      )}
      {uploads.length > 0 && (
        <ul className="uploads-list" aria-label="Uploads">
          {uploads.map((item) => (
            <li key={item.key}>
              <span className="filename">{item.filename}</span>
              <progress aria-label={`Upload of ${item.filename}`} max={100} value={percent(item.sentBytes, item.sizeBytes)} />
              <span role={item.state === "failed" ? "alert" : undefined}>{describe(item)}</span>
              <span className="upload-actions">
                {item.state === "uploading" ? (
                  <button type="button" aria-label={`Pause ${item.filename}`} onClick={() => pause(item.key)}>
                    Pause
                  </button>
                ) : (
                  <button type="button" aria-label={`Resume ${item.filename}`} onClick={() => resume(item.key)}>
                    Resume
                  </button>
                )}
                <button type="button" aria-label={`Cancel ${item.filename}`} onClick={() => void cancel(item.key)}>
                  Cancel
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
