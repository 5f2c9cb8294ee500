import { useQuery } from "@apollo/client";
import { Suspense, lazy } from "react";
import { useParams } from "react-router-dom";
import { DatasetFacts, DatasetFiles } from "../dataset/DatasetFacts";
import { DatasetByLinkQuery } from "./operations";

// OpenLayers is most of the app's weight: loaded only when an image is shown.
const LinkImage = lazy(() => import("./LinkImage").then((module) => ({ default: module.LinkImage })));

/** `/l/{token}`: the dataset a reviewer link shows, to anyone holding it, with no sign-in. */
export function LinkPage() {
  const { token = "" } = useParams();
  // Every answer counts a use of the link, and a link view must never mix with the
  // viewer's own view of the same dataset: read once, outside the cache.
  const { data, loading, error } = useQuery(DatasetByLinkQuery, { variables: { token }, fetchPolicy: "no-cache" });

  if (loading) return <p aria-live="polite">Loading…</p>;
  if (error) return <p role="alert">The dataset could not be loaded: {error.message}</p>;
  const dataset = data?.datasetByLink;
  if (!dataset) {
    return (
      <section className="narrow">
        <h1>This link is no longer valid</h1>
        <p>It may have expired or been revoked by the dataset's owner. Ask whoever sent it to you for a new one.</p>
      </section>
    );
  }
  const { file, viewerPermissions: permissions } = dataset;
  const annotations = dataset.annotations.edges.map((edge) => edge.node);
  return (
    <article className="dataset-page">
      <header className="dataset-header">
        <h1>{dataset.name}</h1>
      </header>
      <p className="hint">You are viewing this dataset through a reviewer link.</p>
      {dataset.description && <p className="description">{dataset.description}</p>}
      <DatasetFacts dataset={dataset} />
      <DatasetFiles files={dataset.files} canDownload={permissions.canDownload} withoutDownload={<p>Downloads are not allowed through this link.</p>} />
      {dataset.annotatable && file && (
        <Suspense fallback={<p aria-live="polite">Loading the image viewer…</p>}>
          <LinkImage imageUrl={permissions.canDownload ? file.downloadUrl : null} annotations={annotations} more={dataset.annotations.pageInfo.hasNextPage} />
        </Suspense>
      )}
    </article>
  );
}
