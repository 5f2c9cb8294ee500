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

/** The dataset's file with its download link, or `withoutDownload` when the viewer may not. */
export function DatasetFiles({ file, canDownload, withoutDownload = null }: { file: FileOf | null | undefined; canDownload: boolean; withoutDownload?: ReactNode }) {
  return (
    <section aria-labelledby="files-heading">
      <h2 id="files-heading">Files</h2>
      {file ? (
        <ul className="files">
          <li>
            <span className="filename">{file.filename}</span> <span>{formatSize(file.sizeBytes)}</span>{" "}
            {canDownload ? (
              <a href={file.downloadUrl} download={file.filename}>
                Download
              </a>
            ) : (
              withoutDownload
            )}
          </li>
        </ul>
      ) : (
        <p>No file uploaded yet.</p>
      )}
    </section>
  );
}
