import { formatDay } from "../../components/dates";
import { formatSize } from "../../components/format";
import type { ActivityEntryFieldsFragment } from "../../gql/graphql";

type Details = Record<string, unknown>;

function text(details: Details, key: string): string {
  const value = details[key];
  return typeof value === "string" ? value : "";
}

function file(details: Details): string {
  const bytes = details.bytes;
  const name = text(details, "filename");
  return typeof bytes === "number" ? `${name} (${formatSize(bytes)})` : name;
}

/** Whom a grant concerns: the recipient's address, or the team. */
function whom(entry: ActivityEntryFieldsFragment, details: Details): string {
  const team = text(details, "team");
  if (team) return `the team ${team}`;
  return entry.subjectEmail ?? "someone";
}

/** The rights a grant gives, in words: "can share, can modify, until 1/12/2026". */
function rights(details: Details): string {
  const parts: string[] = [];
  if (details.canShare === true) parts.push("can share");
  if (details.canModify === true) parts.push("can modify");
  const until = text(details, "expiresAt");
  if (until) parts.push(`until ${formatDay(until)}`);
  return parts.length ? ` (${parts.join(", ")})` : "";
}

function quoted(value: string): string {
  return `“${value}”`;
}

/** One entry of a dataset's activity in plain words, e.g. "Alice shared with bob@lab.example". */
export function describeActivity(entry: ActivityEntryFieldsFragment): string {
  const details: Details = entry.details && typeof entry.details === "object" ? (entry.details as Details) : {};
  const actor = entry.actor?.displayName ?? "Someone";
  switch (entry.kind) {
    case "CREATED":
      return `${actor} created the dataset`;
    case "RENAMED":
      return `${actor} renamed it from ${quoted(text(details, "oldName"))} to ${quoted(text(details, "newName"))}`;
    case "UPLOADED":
      return `${actor} uploaded ${file(details)}`;
    case "FILE_DELETED":
      return `${actor} removed the file ${text(details, "filename")}`;
    case "SHARED":
      return `${actor} shared with ${whom(entry, details)}${rights(details)}`;
    case "GRANT_CHANGED":
      if (details.sharedAgain === true) return `${actor} shared again with ${whom(entry, details)}${rights(details)}`;
      return `${actor} changed the access of ${whom(entry, details)}${rights(details) || " (view only)"}`;
    case "REVOKED":
      if (details.teamDeleted === true) return `${actor} deleted ${whom(entry, details)}, ending its access`;
      if (details.cascade === true) return `${actor} removed the access of ${whom(entry, details)}, which came from a removed grant`;
      return `${actor} removed the access of ${whom(entry, details)}`;
    case "LEFT":
      return `${entry.actor?.displayName ?? entry.subjectEmail ?? "A recipient"} left the dataset`;
    case "EXPIRED":
      return `The access of ${whom(entry, details)} ended`;
    case "MADE_PUBLIC":
      return `${actor} made it public`;
    case "MADE_PRIVATE":
      return `${actor} made it private`;
    case "DOWNLOADED":
      if (details.throughLink === true) return `Downloaded ${file(details)} through a reviewer link`;
      if (!entry.actor) return `Downloaded ${file(details)} without an account`;
      return `${actor} downloaded ${file(details)}`;
    case "LINK_CREATED":
      return `${actor} made the reviewer link ${quoted(text(details, "link") || "without a label")}`;
    case "LINK_REVOKED":
      return `${actor} revoked the reviewer link ${quoted(text(details, "link") || "without a label")}`;
    case "LINK_USED": {
      const label = text(details, "link");
      return label ? `Viewed through the reviewer link ${quoted(label)}` : "Viewed through a reviewer link";
    }
    case "ANNOTATED": {
      const done = { added: "added", changed: "changed", removed: "removed" }[text(details, "action")] ?? "changed";
      return `${actor} ${done} the annotation ${quoted(text(details, "label"))}`;
    }
    default:
      return `${actor}: ${String(entry.kind).toLowerCase().replace(/_/g, " ")}`;
  }
}
