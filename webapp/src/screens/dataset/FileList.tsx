import { useMutation } from "@apollo/client";
import { useState } from "react";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { formatSize } from "../../components/format";
import type { DataFileFieldsFragment } from "../../gql/graphql";
import { DeleteDatasetFileMutation } from "./operations";

interface FileListProps {
  datasetId: string;
  files: readonly DataFileFieldsFragment[];
  canDownload: boolean;
  /** Whoever may upload a dataset's files may also remove them (it has an `uploadUrl`). */
  canRemove: boolean;
}

/** Every file of a dataset: name, size, that it is stored; download, and remove for the owner. */
export function FileList({ datasetId, files, canDownload, canRemove }: FileListProps) {
  const [removing, setRemoving] = useState<string | null>(null);
  const [deleteFile] = useMutation(DeleteDatasetFileMutation);

  if (files.length === 0) return <p>No file uploaded yet.</p>;
  const remove = async (filename: string) => {
    const { data } = await deleteFile({ variables: { input: { datasetId, filename } } });
    return data?.deleteDatasetFile.errors ?? [];
  };
  return (
    <>
      <ul className="files" aria-label="Stored files">
        {files.map((file) => (
          <li key={file.filename}>
            <span className="filename">{file.filename}</span> <span>{formatSize(file.sizeBytes)}</span> <span className="file-state">Uploaded</span>{" "}
            {canDownload && (
              <a href={file.downloadUrl} download={file.filename} aria-label={`Download ${file.filename}`}>
                Download
              </a>
            )}{" "}
            {canRemove && (
              <button type="button" className="danger" aria-label={`Delete ${file.filename}`} onClick={() => setRemoving(file.filename)}>
                Delete
              </button>
            )}
          </li>
        ))}
      </ul>
      {removing && (
        <ConfirmDialog
          title={`Delete ${removing}?`}
          confirmLabel="Delete the file"
          cancelLabel="Keep it"
          onConfirm={() => remove(removing)}
          onDone={() => setRemoving(null)}
          onClose={() => setRemoving(null)}
        >
          <p>The file is removed from the dataset for everyone who sees it.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
