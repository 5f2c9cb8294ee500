import type { ReactNode } from "react";
import { Facts } from "../../components/Facts";
import { KIND_NAMES, formatSize } from "../../components/format";
import type { DatasetKind } from "../../gql/graphql";

interface FactsOf {
  kind: DatasetKind;
  createdAt: string;
  owner: { displayName: string };
}

/** What a dataset is, who owns it, since when. */
export function DatasetFacts({ dataset }: { dataset: FactsOf }) {
  return (
    <Facts
      facts={[
        ["Kind", KIND_NAMES[dataset.kind]],
        ["Owner", dataset.owner.displayName],
        ["Created", new Date(dataset.createdAt).toLocaleString()],
      ]}
    />
  );
}

interface FileOf {
  filename: string;
  sizeBytes: number;
  downloadUrl: string;
}

/** Every file of the dataset, each with its download link, or `withoutDownload` once when the viewer may not download. */
export function DatasetFiles({ files, canDownload, withoutDownload = null }: { files: readonly FileOf[]; canDownload: boolean; withoutDownload?: ReactNode }) {
  return (
    <section aria-labelledby="files-heading">
      <h2 id="files-heading">Files</h2>
      {files.length > 0 ? (
        <>
          <ul className="files" aria-label="Files">
            {files.map((file) => (
              <li key={file.filename}>
                <span className="filename">{file.filename}</span> <span>{formatSize(file.sizeBytes)}</span>{" "}
                {canDownload && (
                  <a href={file.downloadUrl} download={file.filename} aria-label={`Download ${file.filename}`}>
                    Download
                  </a>
                )}
              </li>
            ))}
          </ul>
          {!canDownload && withoutDownload}
        </>
      ) : (
        <p>No file uploaded yet.</p>
      )}
    </section>
  );
}
