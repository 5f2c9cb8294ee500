import { Link } from "react-router-dom";
import { Badges } from "../../components/Badges";
import { KIND_NAMES, formatSize } from "../../components/format";
import { ShareIcon, UsersIcon } from "../../components/icons";
import type { DatasetCardFieldsFragment } from "../../gql/graphql";
import type { OpenDialog } from "../useDatasetDialogs";

interface DatasetCardProps {
  dataset: DatasetCardFieldsFragment;
  onOpen: OpenDialog;
}

/** A dataset info card: what it is, whose, how big, and its status icons in the top right. */
export function DatasetCard({ dataset, onOpen }: DatasetCardProps) {
  const { canShare, canManageAccess } = dataset.viewerPermissions;
  return (
    <li className="card">
      <div className="card-top">
        <h3 className="card-title">
          <Link to={`/datasets/${dataset.id}`}>{dataset.name}</Link>
        </h3>
        <Badges badges={dataset.badges} />
      </div>
      <dl className="card-facts">
        <div>
          <dt>Kind</dt>
          <dd>{KIND_NAMES[dataset.kind]}</dd>
        </div>
        <div>
          <dt>Owner</dt>
          <dd>{dataset.owner.displayName}</dd>
        </div>
        <div>
          <dt>Size</dt>
          <dd>{dataset.file ? formatSize(dataset.file.sizeBytes) : "Not uploaded yet"}</dd>
        </div>
      </dl>
      {(canShare || canManageAccess) && (
        <div className="card-actions">
          {canShare && (
            <button type="button" className="icon-button" aria-label={`Share ${dataset.name}`} title="Share" onClick={() => onOpen("share", dataset.id)}>
              <ShareIcon />
            </button>
          )}
          {canManageAccess && (
            <button type="button" className="icon-button" aria-label={`Manage access to ${dataset.name}`} title="Manage access" onClick={() => onOpen("access", dataset.id)}>
              <UsersIcon />
            </button>
          )}
        </div>
      )}
    </li>
  );
}
