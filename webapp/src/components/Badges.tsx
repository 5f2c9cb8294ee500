import type { ReactNode } from "react";
import type { DatasetBadge } from "../gql/graphql";
import { AvailableIcon, OwnerIcon, PrivateIcon, PublicIcon, SharedWithMeIcon } from "./icons";

/** The help page's five status icons, named as it names them. */
const BADGES: Record<DatasetBadge, { name: string; icon: ReactNode }> = {
  OWNER: { name: "Owner", icon: <OwnerIcon /> },
  SHARED_WITH_ME: { name: "Shared with me", icon: <SharedWithMeIcon /> },
  PRIVATE: { name: "Private", icon: <PrivateIcon /> },
  AVAILABLE: { name: "Available", icon: <AvailableIcon /> },
  PUBLIC: { name: "Public", icon: <PublicIcon /> },
};

export function Badges({ badges }: { badges: readonly DatasetBadge[] }) {
  return (
    <ul className="badges" aria-label="Status">
      {badges.map((badge) => (
        <li key={badge} className={`badge badge-${badge.toLowerCase()}`} role="img" aria-label={BADGES[badge].name} title={BADGES[badge].name}>
          {BADGES[badge].icon}
        </li>
      ))}
    </ul>
  );
}
