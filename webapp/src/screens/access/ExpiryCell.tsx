import { useState } from "react";
import { dayOf, endDayRange, endOfDayUntil, formatDay } from "../../components/dates";
import type { AccessEntry, GrantChange } from "./AccessRow";

interface ExpiryCellProps {
  entry: AccessEntry;
  /** The person, as the row names them. */
  name: string;
  /** Set when the viewer may change this grant. */
  grantId?: string;
  /** When the viewer's own access ends, if it does: no end they give may be later. */
  ownEnd: string | null;
  busy: boolean;
  onChange: (grantId: string, change: GrantChange) => void;
}

/** Whether the grant itself has passed its end (rather than a pending invitation running out). */
export function accessEnded(entry: AccessEntry, now = Date.now()): boolean {
  return entry.expired && !!entry.expiresAt && new Date(entry.expiresAt).getTime() <= now;
}

/** When a person's access ends, marked once it has; who may change the grant extends it here. */
export function ExpiryCell({ entry, name, grantId, ownEnd, busy, onChange }: ExpiryCellProps) {
  const [editing, setEditing] = useState(false);
  const [day, setDay] = useState("");
  if (entry.role === "OWNER") return <span>—</span>;
  const ended = accessEnded(entry);
  const open = () => {
    setDay(entry.expiresAt && !ended ? dayOf(entry.expiresAt) : "");
    setEditing(true);
  };
  const change = (grant: string, value: GrantChange) => {
    onChange(grant, value);
    setEditing(false);
  };

  if (grantId && editing) {
    const { min, max } = endDayRange(new Date(), ownEnd);
    return (
      <div className="expiry-editor" role="group" aria-label={`When access ends for ${name}`}>
        <label>
          <span className="visually-hidden">Access for {name} ends on</span>
          <input type="date" min={min} max={max} value={day} onChange={(e) => setDay(e.target.value)} />
        </label>
        <button type="button" className="link-button" disabled={busy || !day} onClick={() => change(grantId, { expiresAt: endOfDayUntil(day, ownEnd) })}>
          Save
        </button>
        {!ownEnd && (
          <button type="button" className="link-button" disabled={busy} onClick={() => change(grantId, { clearExpiry: true })}>
            No end
          </button>
        )}
        <button type="button" className="link-button" onClick={() => setEditing(false)}>
          Cancel
        </button>
      </div>
    );
  }
  return (
    <>
      {ended ? (
        <span className="tag tag-warning">Expired {formatDay(entry.expiresAt!)}</span>
      ) : (
        <span>{entry.expiresAt ? `Until ${formatDay(entry.expiresAt)}` : "No end"}</span>
      )}
      {grantId && (
        <button type="button" className="link-button" aria-label={`${ended ? "Extend" : "Change"} access for ${name}`} disabled={busy} onClick={open}>
          {ended ? "Extend" : "Change"}
        </button>
      )}
    </>
  );
}
