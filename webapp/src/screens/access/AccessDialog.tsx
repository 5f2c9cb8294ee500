import { useMutation, useQuery } from "@apollo/client";
import { useState } from "react";
import { Dialog } from "../../components/Dialog";
import { FormErrors } from "../../components/Field";
import { CloseIcon } from "../../components/icons";
import type { AccessDialogQuery as AccessDialogData } from "../../gql/graphql";
import { SetPublicMutation } from "../share/operations";
import { AccessDialogQuery, RevokeAccessMutation, UpdateGrantMutation } from "./operations";
import { Switch } from "./Switch";

type Entry = NonNullable<NonNullable<AccessDialogData["dataset"]>["access"]>["entries"][number];

interface AccessDialogProps {
  datasetId: string;
  onClose: () => void;
}

function who(entry: Entry): string {
  return entry.user ? `${entry.user.displayName} (${entry.email})` : entry.email;
}

/** The help page's access dialog: who has access, whether it is public, and per user what they may do. */
export function AccessDialog({ datasetId, onClose }: AccessDialogProps) {
  const variables = { id: datasetId };
  const { data, loading } = useQuery(AccessDialogQuery, { variables, fetchPolicy: "cache-and-network" });
  const refetch = { refetchQueries: [{ query: AccessDialogQuery, variables }], awaitRefetchQueries: true };
  const [updateGrant] = useMutation(UpdateGrantMutation, refetch);
  const [revokeAccess] = useMutation(RevokeAccessMutation, refetch);
  const [setPublic] = useMutation(SetPublicMutation, refetch);
  const [failures, setFailures] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const run = async (change: () => Promise<readonly { message: string }[] | undefined>) => {
    setBusy(true);
    try {
      const errors = (await change()) ?? [];
      setFailures(errors.map((error) => error.message));
    } catch (error) {
      setFailures([`The request failed: ${(error as Error).message}`]);
    } finally {
      setBusy(false);
    }
  };

  const dataset = data?.dataset;
  const access = dataset?.access;
  return (
    <Dialog title={dataset ? `Access to ${dataset.name}` : "Access"} onClose={onClose}>
      {!access ? (
        <p aria-live="polite">{loading ? "Loading…" : "You cannot see who has access to this dataset."}</p>
      ) : (
        <>
          <FormErrors messages={failures} />
          <div className="public-row">
            <span>{access.isPublic ? "Public: everyone can see this dataset." : "Not public: only the people below can see it."}</span>
            {dataset.viewerPermissions.canSetPublic && (
              <Switch
                label="Public"
                checked={access.isPublic}
                disabled={busy}
                onChange={(checked) =>
                  run(async () => (await setPublic({ variables: { input: { datasetId, public: checked } } })).data?.setPublic.errors)
                }
              />
            )}
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
              {access.entries.map((entry) => {
                const grantId = entry.grant?.id;
                const controls = entry.viewerCanChange && grantId;
                const name = who(entry);
                const update = (change: { canShare?: boolean; canModify?: boolean }) =>
                  run(async () => (await updateGrant({ variables: { input: { grantId: grantId!, ...change } } })).data?.updateGrant.errors);
                return (
                  <tr key={grantId ?? `owner-${entry.email}`}>
                    <th scope="row">
                      {name}
                      {entry.role === "OWNER" && <span className="tag">Owner</span>}
                      {entry.pending && <span className="tag">Invitation pending</span>}
                    </th>
                    <td>
                      {controls ? (
                        <Switch label={`${name} can share`} checked={entry.canShare} disabled={busy} onChange={(checked) => update({ canShare: checked })} />
                      ) : (
                        <span>{entry.canShare ? "yes" : "no"}</span>
                      )}
                    </td>
                    {dataset.annotatable && (
                      <td>
                        {controls ? (
                          <Switch label={`${name} can modify`} checked={entry.canModify} disabled={busy} onChange={(checked) => update({ canModify: checked })} />
                        ) : (
                          <span>{entry.canModify ? "yes" : "no"}</span>
                        )}
                      </td>
                    )}
                    <td>
                      {controls && (
                        <button
                          type="button"
                          className="icon-button"
                          aria-label={`Remove access for ${name}`}
                          title="Remove access"
                          disabled={busy}
                          onClick={() =>
                            run(async () => (await revokeAccess({ variables: { input: { grantId: grantId!, cascade: false } } })).data?.revokeAccess.errors)
                          }
                        >
                          <CloseIcon />
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </Dialog>
  );
}
