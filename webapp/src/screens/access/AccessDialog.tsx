import { useMutation, useQuery } from "@apollo/client";
import { useState } from "react";
import { Dialog } from "../../components/Dialog";
import { FormErrors } from "../../components/Field";
import { SetPublicMutation } from "../share/operations";
import { AccessRow, type GrantChange } from "./AccessRow";
import { AccessDialogQuery, ResendInvitationMutation, RevokeAccessMutation, UpdateGrantMutation } from "./operations";
import { Switch } from "./Switch";

interface AccessDialogProps {
  datasetId: string;
  onClose: () => void;
}

type Outcome = readonly { message: string }[] | undefined;

/** The help page's access dialog: who has access, whether it is public, and per user what they may do. */
export function AccessDialog({ datasetId, onClose }: AccessDialogProps) {
  const variables = { id: datasetId };
  const { data, loading } = useQuery(AccessDialogQuery, { variables, fetchPolicy: "cache-and-network" });
  const refetch = { refetchQueries: [{ query: AccessDialogQuery, variables }], awaitRefetchQueries: true };
  // Their payloads carry the refreshed access list.
  const [updateGrant] = useMutation(UpdateGrantMutation);
  const [revokeAccess] = useMutation(RevokeAccessMutation);
  const [setPublic] = useMutation(SetPublicMutation, refetch);
  const [resendInvitation] = useMutation(ResendInvitationMutation, refetch);
  const [failures, setFailures] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (change: () => Promise<Outcome>, done?: string) => {
    setBusy(true);
    setNotice(null);
    try {
      const errors = (await change()) ?? [];
      setFailures(errors.map((error) => error.message));
      if (errors.length === 0 && done) setNotice(done);
    } catch (error) {
      setFailures([`The request failed: ${(error as Error).message}`]);
    } finally {
      setBusy(false);
    }
  };

  const onChange = (grantId: string, change: GrantChange) =>
    run(async () => (await updateGrant({ variables: { input: { grantId, ...change } } })).data?.updateGrant.errors);
  const onRevoke = (grantId: string) =>
    run(async () => (await revokeAccess({ variables: { input: { grantId, cascade: false } } })).data?.revokeAccess.errors);
  const onResend = (grantId: string) =>
    run(async () => (await resendInvitation({ variables: { input: { grantId } } })).data?.resendInvitation.errors, "The invitation was sent again.");
  const onPublic = (value: boolean) =>
    run(async () => (await setPublic({ variables: { input: { datasetId, public: value } } })).data?.setPublic.errors);

  const dataset = data?.dataset;
  const access = dataset?.access;
  return (
    <Dialog title={dataset ? `Access to ${dataset.name}` : "Access"} onClose={onClose}>
      {!access ? (
        <p aria-live="polite">{loading ? "Loading…" : "You cannot see who has access to this dataset."}</p>
      ) : (
        <>
          <FormErrors messages={failures} />
          {notice && <p role="status">{notice}</p>}
          <div className="public-row">
            <span>{access.isPublic ? "Public: everyone can see this dataset." : "Not public: only the people below can see it."}</span>
            {dataset.viewerPermissions.canSetPublic && <Switch label="Public" checked={access.isPublic} disabled={busy} onChange={onPublic} />}
          </div>
          <table className="access-table">
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">can share</th>
                {dataset.annotatable && <th scope="col">can modify</th>}
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {access.entries.map((entry) => (
                <AccessRow
                  key={entry.grant?.id ?? `owner-${entry.email}`}
                  entry={entry}
                  annotatable={dataset.annotatable}
                  busy={busy}
                  onChange={onChange}
                  onRevoke={onRevoke}
                  onResend={onResend}
                />
              ))}
            </tbody>
          </table>
        </>
      )}
    </Dialog>
  );
}
