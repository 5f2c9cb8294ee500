import { useId, useState } from "react";
import { uploadFile } from "./uploadFile";

interface FileUploadProps {
  uploadUrl: string;
  onUploaded: () => void;
}

/** Choose a file and send it, with a progress bar while it travels. */
export function FileUpload({ uploadUrl, onUploaded }: FileUploadProps) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const start = async () => {
    if (!file) return;
    setFailure(null);
    setProgress(0);
    try {
      await uploadFile(uploadUrl, file, setProgress);
      onUploaded();
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setProgress(null);
    }
  };

  return (
    <div className="upload">
      <label htmlFor={id}>File to upload</label>
      <input id={id} type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} disabled={progress !== null} />
      <button type="button" onClick={start} disabled={!file || progress !== null}>
        Upload
      </button>
      {progress !== null && (
        <progress aria-label="Upload progress" max={100} value={Math.round(progress * 100)}>
          {Math.round(progress * 100)}%
        </progress>
      )}
      {failure && <p role="alert">{failure}</p>}
    </div>
  );
}
