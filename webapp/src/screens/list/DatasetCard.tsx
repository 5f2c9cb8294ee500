import { Link } from "react-router-dom";
import { Badges } from "../../components/Badges";
import { Facts } from "../../components/Facts";
import { IncompleteRunBadge } from "../../components/FileProblems";
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
        <IncompleteRunBadge problems={dataset.fileProblems} />
        <Badges badges={dataset.badges} />
      </div>
      <Facts
        className="card-facts"
        facts={[
          ["Kind", KIND_NAMES[dataset.kind]],
          ["Owner", dataset.owner.displayName],
          ["Size", dataset.file ? formatSize(dataset.file.sizeBytes) : "Not uploaded yet"],
        ]}
      />
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
