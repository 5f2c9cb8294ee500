import { useCallback, useEffect, useRef, useState } from "react";
import type { UnfinishedUpload, UploadHandle, Uploader } from "./resumableUpload";

export type UploadState = "uploading" | "paused" | "failed";

/** One file on its way to the dataset. */
export interface UploadItem {
  key: string;
  filename: string;
  sizeBytes: number;
  sentBytes: number;
  /** What the server has acknowledged; a pause goes back to it. */
  storedBytes: number;
  state: UploadState;
  failure: string | null;
}

export interface FileUploads {
  uploads: UploadItem[];
  /** Uploads begun in this browser before (a reload, a closed tab) and not finished. */
  unfinished: UnfinishedUpload[];
  add: (files: readonly File[]) => void;
  pause: (key: string) => void;
  resume: (key: string) => void;
  cancel: (key: string) => Promise<void>;
  discard: (upload: UnfinishedUpload) => Promise<void>;
}

interface Options {
  uploader: Uploader;
  findUnfinished: () => Promise<UnfinishedUpload[]>;
  discardUnfinished: (upload: UnfinishedUpload) => Promise<void>;
  /** A file has arrived whole. */
  onUploaded: (filename: string) => void;
}

let nextKey = 0;

/** Several uploads side by side, each with its progress, pause, resume and cancel. */
export function useFileUploads({ uploader, findUnfinished, discardUnfinished, onUploaded }: Options): FileUploads {
  const [uploads, setUploads] = useState<UploadItem[]>([]);
  const [unfinished, setUnfinished] = useState<UnfinishedUpload[]>([]);
  const handles = useRef(new Map<string, UploadHandle>());
  const uploaded = useRef(onUploaded);
  uploaded.current = onUploaded;

  useEffect(() => {
    let current = true;
    void findUnfinished().then((found) => {
      if (current) setUnfinished(found);
    });
    return () => {
      current = false;
    };
  }, [findUnfinished]);

  // Leaving the page stops the requests; the server keeps what it has for a later resume.
  useEffect(() => {
    const running = handles.current;
    return () => {
      for (const handle of running.values()) handle.pause();
      running.clear();
    };
  }, []);

  const change = useCallback((key: string, update: Partial<UploadItem>) => {
    setUploads((items) => items.map((item) => (item.key === key ? { ...item, ...update } : item)));
  }, []);

  const add = useCallback(
    (files: readonly File[]) => {
      for (const file of files) {
        const key = `upload-${(nextKey += 1)}`;
        // The same file chosen again takes over its unfinished upload.
        setUnfinished((left) => left.filter((old) => !(old.filename === file.name && old.sizeBytes === file.size)));
        setUploads((items) => [...items, { key, filename: file.name, sizeBytes: file.size, sentBytes: 0, storedBytes: 0, state: "uploading", failure: null }]);
        const handle = uploader.start(file, {
          onProgress: (sentBytes) => change(key, { sentBytes }),
          onStored: (storedBytes) => change(key, { storedBytes }),
          onSuccess: () => {
            handles.current.delete(key);
            setUploads((items) => items.filter((item) => item.key !== key));
            uploaded.current(file.name);
          },
          onError: (failure) => change(key, { state: "failed", failure }),
        });
        handles.current.set(key, handle);
      }
    },
    [uploader, change],
  );

  const pause = useCallback(
    (key: string) => {
      handles.current.get(key)?.pause();
      // Bytes in flight are lost with the request: the upload stands where the server has it.
      setUploads((items) => items.map((item) => (item.key === key ? { ...item, state: "paused", sentBytes: item.storedBytes } : item)));
    },
    [change],
  );

  const resume = useCallback(
    (key: string) => {
      change(key, { state: "uploading", failure: null });
      handles.current.get(key)?.resume();
    },
    [change],
  );

  const cancel = useCallback(async (key: string) => {
    const handle = handles.current.get(key);
    handles.current.delete(key);
    setUploads((items) => items.filter((item) => item.key !== key));
    await handle?.cancel();
  }, []);

  const discard = useCallback(
    async (upload: UnfinishedUpload) => {
      setUnfinished((left) => left.filter((old) => old.storageKey !== upload.storageKey));
      await discardUnfinished(upload);
    },
    [discardUnfinished],
  );

  return { uploads, unfinished, add, pause, resume, cancel, discard };
}
