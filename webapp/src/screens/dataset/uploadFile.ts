/** What the server answers to a finished upload. */
export interface UploadResult {
  sha256: string;
  sizeBytes: number;
}

/** `attachment; filename="…"`, with the UTF-8 form beside it for names outside ASCII. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * PUT the file as the raw body of `uploadUrl` (the session cookie goes along, same origin).
 * XMLHttpRequest rather than fetch: it reports upload progress.
 */
export function uploadFile(uploadUrl: string, file: File, onProgress: (fraction: number) => void): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("PUT", uploadUrl);
    request.setRequestHeader("Content-Type", file.type || "application/octet-stream");
    request.setRequestHeader("Content-Disposition", contentDisposition(file.name));
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      if (request.status === 201 || request.status === 200) {
        onProgress(1);
        resolve(JSON.parse(request.responseText) as UploadResult);
      } else if (request.status === 413) {
        reject(new Error("The file is larger than this server accepts."));
      } else {
        reject(new Error(`The upload failed (${request.status}).`));
      }
    };
    request.onerror = () => reject(new Error("The upload failed: the connection broke."));
    request.send(file);
  });
}
