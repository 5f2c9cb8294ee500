import { useQuery } from "@apollo/client";
import { Suspense, lazy, useEffect, useState } from "react";
import { Link, useLocation, useParams } from "react-router-dom";
import { useViewer } from "../../app/session";
import { Badges } from "../../components/Badges";
import { ShareIcon, UsersIcon } from "../../components/icons";
import { ActivityPanel } from "../activity/ActivityPanel";
import { ReviewerLinksPanel } from "../links/ReviewerLinksPanel";
import { NotFoundPage } from "../notfound/NotFoundPage";
import { useDatasetDialogs } from "../useDatasetDialogs";
import { FileProblems } from "../../components/FileProblems";
import { DatasetFacts } from "./DatasetFacts";
import { DatasetTabs, type DatasetTab } from "./DatasetTabs";
import { ExitDialog, type Exit } from "./ExitDialog";
import { FileList } from "./FileList";
import { FileUploads } from "./FileUploads";
import { forgetHandedOver, handedOverFiles } from "./handOver";
import { DatasetPageQuery } from "./operations";

// OpenLayers is most of the app's weight: loaded only when an image is shown.
const ImageViewer = lazy(() => import("../viewer/ImageViewer").then((module) => ({ default: module.ImageViewer })));

/** One dataset: its facts, its files (uploads too, for the owner), the image with its annotations, and who may do what. */
export function DatasetPage() {
  const { id = "" } = useParams();
  const location = useLocation();
  const { viewer, loading: viewerLoading } = useViewer();
  const { data, loading, error, refetch } = useQuery(DatasetPageQuery, { variables: { id } });
  const [dialog, openDialog] = useDatasetDialogs();
  const [exit, setExit] = useState<Exit | null>(null);
  const [tab, setTab] = useState<DatasetTab>("overview");
  // Files chosen when the dataset was created start here, with their progress.
  const [handedOver] = useState(() => handedOverFiles(id));
  useEffect(() => forgetHandedOver(id), [id]);

  if (loading || viewerLoading) return <p aria-live="polite">Loading…</p>;
  if (error) return <p role="alert">The dataset could not be loaded: {error.message}</p>;
  const dataset = data?.dataset;
  if (!dataset) {
    if (!viewer) {
      const next = encodeURIComponent(location.pathname);
      return (
        <section className="narrow">
          <h1>Log in to see this dataset</h1>
          <p>
            If it was shared with you, <Link to={`/login?next=${next}`}>log in</Link> with the address it was shared with, or{" "}
            <Link to={`/signup?next=${next}`}>sign up</Link> with it.
          </p>
        </section>
      );
    }
    return <NotFoundPage what="This dataset does not exist, or it is not shared with you." />;
  }

  const { viewerPermissions: permissions, viewerGrant } = dataset;
  // Only the owner reads a dataset's activity: recipients and other viewers see no tabs.
  const owner = permissions.canSetPublic;
  const shown: DatasetTab = owner ? tab : "overview";
  const overview = (
    <>
      <DatasetFacts dataset={dataset} />
      <div className="dataset-actions">
        {permissions.canShare && (
          <button type="button" onClick={() => openDialog("share", dataset.id)}>
            <ShareIcon /> Share
          </button>
        )}
        {permissions.canManageAccess && (
          <button type="button" onClick={() => openDialog("access", dataset.id)}>
            <UsersIcon /> Manage access
          </button>
        )}
        {permissions.canDelete && (
          <button type="button" className="danger" onClick={() => setExit({ kind: "delete", datasetId: dataset.id })}>
            Delete this dataset
          </button>
        )}
        {viewerGrant && (
          <button type="button" className="danger" onClick={() => setExit({ kind: "leave", grantId: viewerGrant.id })}>
            Leave this dataset
          </button>
        )}
      </div>
      <section aria-labelledby="files-heading">
        <h2 id="files-heading">Files</h2>
        <FileProblems kind={dataset.kind} filenames={dataset.files.map((file) => file.filename)} problems={dataset.fileProblems} />
        <FileList datasetId={dataset.id} files={dataset.files} canDownload={permissions.canDownload} canRemove={dataset.uploadUrl != null} />
        {/* A finished upload changes the files, the primary file and the problems: read them again. */}
        {dataset.uploadUrl && <FileUploads uploadUrl={dataset.uploadUrl} initialFiles={handedOver} onUploaded={() => void refetch()} />}
      </section>
      {dataset.annotatable && dataset.file && (
        <Suspense fallback={<p aria-live="polite">Loading the image viewer…</p>}>
          <ImageViewer datasetId={dataset.id} imageUrl={dataset.file.downloadUrl} canModify={permissions.canModify} />
        </Suspense>
      )}
      {permissions.canSetPublic && <ReviewerLinksPanel datasetId={dataset.id} />}
    </>
  );
  return (
    <article className="dataset-page">
      <header className="dataset-header">
        <h1>{dataset.name}</h1>
        <Badges badges={dataset.badges} />
      </header>
      {dataset.description && <p className="description">{dataset.description}</p>}
      {owner ? (
        <DatasetTabs tab={shown} onChange={setTab}>
          {shown === "activity" ? <ActivityPanel datasetId={dataset.id} /> : overview}
        </DatasetTabs>
      ) : (
        overview
      )}
      {dialog}
      {exit && <ExitDialog exit={exit} name={dataset.name} onClose={() => setExit(null)} />}
    </article>
  );
}
