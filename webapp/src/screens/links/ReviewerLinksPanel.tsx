import { useMutation, useQuery } from "@apollo/client";
import { useState } from "react";
import { Field, FormErrors } from "../../components/Field";
import { useForm } from "../../components/useForm";
import type { ShareLinkFieldsFragment } from "../../gql/graphql";
import { CreateShareLinkMutation, RevokeShareLinkMutation, ShareLinksQuery } from "./operations";

const DAY = 24 * 60 * 60 * 1000;

/** A date input's value, `days` from today. */
function dateAhead(days: number): string {
  const date = new Date(Date.now() + days * DAY);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The end of the chosen day, in the browser's time zone. */
function endOfDay(value: string): string | null {
  const date = new Date(`${value}T23:59:59`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

const FIELDS = ["label", "expiresAt", "datasetId"];

interface LinkValues extends Record<string, string | boolean> {
  label: string;
  expires: string;
  anonymous: boolean;
  allowDownload: boolean;
}

/** The owner's reviewer links: make one (its URL shown once), see each one's use, revoke. */
export function ReviewerLinksPanel({ datasetId }: { datasetId: string }) {
  const variables = { id: datasetId };
  const { data } = useQuery(ShareLinksQuery, { variables });
  const refetch = { refetchQueries: [{ query: ShareLinksQuery, variables }], awaitRefetchQueries: true };
  const [createLink] = useMutation(CreateShareLinkMutation, refetch);
  const [revokeLink] = useMutation(RevokeShareLinkMutation);
  const [newUrl, setNewUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [copyFailed, setCopyFailed] = useState(false);
  const form = useForm<LinkValues>({ label: "", expires: dateAhead(30), anonymous: false, allowDownload: true }, FIELDS);
  const { values, set, errors, busy } = form;

  const links = data?.dataset?.shareLinks;
  if (!links) return null;

  const onSubmit = form.handleSubmit(
    async (typed) => {
      const expiresAt = endOfDay(typed.expires);
      const input = { datasetId, label: typed.label, anonymous: typed.anonymous, allowDownload: typed.allowDownload, ...(expiresAt ? { expiresAt } : {}) };
      const { data: created } = await createLink({ variables: { input } });
      return created?.createShareLink;
    },
    (payload) => {
      setNewUrl(payload.url ?? null);
      setCopied(false);
      set("label", "");
    },
  );

  const copy = async () => {
    if (!newUrl) return;
    try {
      await navigator.clipboard.writeText(newUrl);
      setCopied(true);
    } catch {
      setCopyFailed(true); // no clipboard access: the field stays to select by hand
    }
  };

  return (
    <section className="reviewer-links" aria-labelledby="links-heading">
      <h2 id="links-heading">Reviewer links</h2>
      <p className="hint">Anyone holding a link sees this dataset without an account, until it expires or you revoke it.</p>
      <form onSubmit={onSubmit} noValidate className="link-form">
        <Field label="Label" value={values.label} maxLength={200} placeholder="Reviewer 2, Nature Methods" onChange={(event) => set("label", event.target.value)} error={errors.byField.label} />
        <Field label="Expires on" type="date" value={values.expires} min={dateAhead(0)} max={dateAhead(364)} onChange={(event) => set("expires", event.target.value)} error={errors.byField.expiresAt} />
        <label className="checkbox">
          <input type="checkbox" checked={values.anonymous} onChange={(event) => set("anonymous", event.target.checked)} /> Anonymous: hide who owns and annotated the data
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={values.allowDownload} onChange={(event) => set("allowDownload", event.target.checked)} /> Allow download
        </label>
        <FormErrors messages={[...errors.general, ...(errors.byField.datasetId ? [errors.byField.datasetId] : [])]} />
        <button type="submit" disabled={busy}>
          Create link
        </button>
      </form>
      {newUrl && (
        <div className="new-link" role="status">
          <p>Copy this link now: it is not shown again.</p>
          <input readOnly aria-label="New reviewer link" value={newUrl} onFocus={(event) => event.target.select()} />
          <button type="button" onClick={copy}>
            {copied ? "Copied" : "Copy link"}
          </button>
          {copyFailed && <p>The browser did not let us copy: select the link and copy it yourself.</p>}
        </div>
      )}
      {links.length === 0 ? (
        <p>No reviewer links yet.</p>
      ) : (
        <ul className="link-list" aria-label="Reviewer links">
          {links.map((link) => (
            <LinkRow key={link.id} link={link} onRevoke={() => revokeLink({ variables: { input: { id: link.id } } })} />
          ))}
        </ul>
      )}
    </section>
  );
}

function LinkRow({ link, onRevoke }: { link: ShareLinkFieldsFragment; onRevoke: () => void }) {
  const state = link.revokedAt ? "Revoked" : link.active ? "Active" : "Expired";
  const name = link.label || "Untitled link";
  return (
    <li aria-label={name}>
      <strong>{name}</strong> <span className="link-state">{state}</span>
      <span>
        {link.anonymous ? "Anonymous" : "Shows your name"} · {link.allowDownload ? "Downloads allowed" : "No downloads"} · expires {new Date(link.expiresAt).toLocaleDateString()}
      </span>
      <span>
        {link.useCount === 1 ? "1 use" : `${link.useCount} uses`}
        {link.lastUsedAt ? `, last ${new Date(link.lastUsedAt).toLocaleString()}` : ""}
      </span>
      {link.active && (
        <button type="button" className="danger" onClick={onRevoke} aria-label={`Revoke ${name}`}>
          Revoke
        </button>
      )}
    </li>
  );
}
