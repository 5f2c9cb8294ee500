import { CloseIcon } from "../../components/icons";
import type { AccessDialogQuery } from "../../gql/graphql";
import { ExpiryCell } from "./ExpiryCell";
import { Switch } from "./Switch";

export type AccessEntry = NonNullable<NonNullable<AccessDialogQuery["dataset"]>["access"]>["entries"][number];

export interface GrantChange {
  canShare?: boolean;
  canModify?: boolean;
  /** A new end of access (ISO 8601). */
  expiresAt?: string;
  /** Access no longer ends. */
  clearExpiry?: boolean;
}

interface AccessRowProps {
  entry: AccessEntry;
  annotatable: boolean;
  /** When the viewer's own access ends, if it does. */
  ownEnd: string | null;
  busy: boolean;
  onChange: (grantId: string, change: GrantChange) => void;
  onRevoke: (grantId: string) => void;
  onResend: (grantId: string) => void;
}

export function who(entry: AccessEntry): string {
  if (entry.team) return `Team ${entry.team.name}`;
  return entry.user ? `${entry.user.displayName} (${entry.email})` : entry.email;
}

function day(iso: string): string {
  return new Date(iso).toLocaleDateString();
}

/** The state of an invitation not yet accepted: until when it holds, or that it ran out. */
function Invitation({ entry }: { entry: AccessEntry }) {
  if (!entry.pending) return null;
  if (entry.expired) return <span className="tag tag-warning">Invitation expired</span>;
  const expires = entry.grant?.invitationExpiresAt;
  return <span className="tag">{expires ? `Invitation pending until ${day(expires)}` : "Invitation pending"}</span>;
}

/** One person with access: what they may do, switched here when the viewer may change it. */
export function AccessRow({ entry, annotatable, ownEnd, busy, onChange, onRevoke, onResend }: AccessRowProps) {
  const name = who(entry);
  const grantId = entry.viewerCanChange ? entry.grant?.id : undefined;
  const flag = (label: string, checked: boolean, change: (checked: boolean) => GrantChange) =>
    grantId ? (
      <Switch label={`${name} ${label}`} checked={checked} disabled={busy} onChange={(value) => onChange(grantId, change(value))} />
    ) : (
      <span>{checked ? "yes" : "no"}</span>
    );
  return (
    <tr>
      <th scope="row">
        {name}
        {entry.role === "OWNER" && <span className="tag">Owner</span>}
        {entry.role === "TEAM" && <span className="tag">Team</span>}
        <Invitation entry={entry} />
        {grantId && entry.pending && (
          <button type="button" className="link-button" aria-label={`Resend the invitation to ${entry.email}`} disabled={busy} onClick={() => onResend(grantId)}>
            Resend invitation
          </button>
        )}
      </th>
      <td>{flag("can share", entry.canShare, (canShare) => ({ canShare }))}</td>
      {annotatable && <td>{flag("can modify", entry.canModify, (canModify) => ({ canModify }))}</td>}
      <td>
        <ExpiryCell entry={entry} name={name} grantId={grantId} ownEnd={ownEnd} busy={busy} onChange={onChange} />
      </td>
      <td>
        {grantId && (
          <button type="button" className="icon-button" aria-label={`Remove access for ${name}`} title="Remove access" disabled={busy} onClick={() => onRevoke(grantId)}>
            <CloseIcon />
          </button>
        )}
      </td>
    </tr>
  );
}
