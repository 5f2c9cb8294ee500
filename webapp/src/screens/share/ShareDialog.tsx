import { useMutation, useQuery } from "@apollo/client";
import { useState, type FormEvent } from "react";
import { Dialog } from "../../components/Dialog";
import { FormErrors, TextAreaField } from "../../components/Field";
import { NO_ERRORS, requestFailed, sortErrors, type ErrorsByField, type UserErrorLike } from "../../components/errors";
import { AddressList } from "./AddressList";
import { ExpiryField } from "./ExpiryField";
import { endOfDayUntil } from "../../components/dates";
import { TeamPicker } from "./TeamPicker";
import { SetPublicMutation, ShareDatasetMutation, ShareDialogQuery } from "./operations";

interface ShareDialogProps {
  datasetId: string;
  onClose: () => void;
}

type Choice = "everyone" | "users";

/** Blank inputs are not sent; the server's `emails.N` is put back on the input it came from. */
function sentAddresses(addresses: string[]): { emails: string[]; inputIndex: number[] } {
  const inputIndex: number[] = [];
  addresses.forEach((address, index) => {
    if (address.trim()) inputIndex.push(index);
  });
  return { emails: inputIndex.map((index) => addresses[index]), inputIndex };
}

function onInputs(errors: readonly UserErrorLike[], inputIndex: number[]): UserErrorLike[] {
  return errors.map((error) => {
    const match = /^emails\.(\d+)$/.exec(error.field ?? "");
    return match ? { ...error, field: `emails.${inputIndex[Number(match[1])] ?? match[1]}` } : error;
  });
}

/** The help page's share dialog: with everyone, or with other users by email. */
export function ShareDialog({ datasetId, onClose }: ShareDialogProps) {
  const { data } = useQuery(ShareDialogQuery, { variables: { id: datasetId } });
  const [shareDataset] = useMutation(ShareDatasetMutation);
  const [setPublic] = useMutation(SetPublicMutation);
  const dataset = data?.dataset;
  const canSetPublic = dataset?.viewerPermissions.canSetPublic ?? false;
  const ownEnd = dataset?.viewerGrant?.expiresAt ?? null;

  const [choice, setChoice] = useState<Choice>("users");
  const [addresses, setAddresses] = useState([""]);
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [message, setMessage] = useState("");
  const [canShare, setCanShare] = useState(false);
  const [canModify, setCanModify] = useState(false);
  const [notify, setNotify] = useState(true);
  // The last day of access ("" for no end); a sharer whose own access ends must choose one.
  const [endDay, setEndDay] = useState("");
  const [errors, setErrors] = useState<ErrorsByField>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const share = async (): Promise<readonly UserErrorLike[]> => {
    if (choice === "everyone") {
      const result = await setPublic({ variables: { input: { datasetId, public: true } } });
      return result.data?.setPublic.errors ?? [];
    }
    const { emails, inputIndex } = sentAddresses(addresses);
    const ends = endDay ? { expiresAt: endOfDayUntil(endDay, ownEnd) } : {};
    const input = { datasetId, emails, teamIds, message, canShare, canModify: dataset?.annotatable ? canModify : false, notify, ...ends };
    const result = await shareDataset({ variables: { input } });
    return onInputs(result.data?.shareDataset.errors ?? [], inputIndex);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const found = await share();
      setErrors(sortErrors(found, ["emails", "teamIds", "message", "canShare", "canModify", "expiresAt"]));
      if (found.length === 0) onClose();
    } catch (error) {
      setErrors(requestFailed(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={dataset ? `Share ${dataset.name}` : "Share"} onClose={onClose}>
      {!dataset ? (
        <p aria-live="polite">Loading…</p>
      ) : (
        <form onSubmit={onSubmit} noValidate className="share-form">
          <fieldset>
            <legend>How do you want to share it?</legend>
            {canSetPublic && (
              <label>
                <input type="radio" name="share-choice" checked={choice === "everyone"} onChange={() => setChoice("everyone")} /> Share with everyone
              </label>
            )}
            <label>
              <input type="radio" name="share-choice" checked={choice === "users"} onChange={() => setChoice("users")} /> Share with other users
            </label>
          </fieldset>
          <FormErrors messages={errors.general} />
          {choice === "everyone" ? (
            <p>{dataset.isPublic ? "This dataset is already public." : "Everyone will be able to see and download this dataset, without logging in."}</p>
          ) : (
            <>
              <AddressList addresses={addresses} errors={errors.byField} onChange={setAddresses} />
              <TeamPicker teams={data?.teams ?? []} chosen={teamIds} errors={errors.byField} onChange={setTeamIds} />
              <TextAreaField label="Message" name="message" value={message} error={errors.byField.message} onChange={(e) => setMessage(e.target.value)} />
              <label className="checkbox">
                <input type="checkbox" checked={canShare} onChange={(e) => setCanShare(e.target.checked)} /> Recipients can share my dataset too
              </label>
              {dataset.annotatable && dataset.viewerPermissions.canModify && (
                <label className="checkbox">
                  <input type="checkbox" checked={canModify} onChange={(e) => setCanModify(e.target.checked)} /> Recipients can modify the dataset
                </label>
              )}
              {errors.byField.canModify && <p className="field-error">{errors.byField.canModify}</p>}
              <label className="checkbox">
                <input type="checkbox" checked={notify} onChange={(e) => setNotify(e.target.checked)} /> Notify by email
              </label>
              <ExpiryField day={endDay} ownEnd={ownEnd} error={errors.byField.expiresAt} onChange={setEndDay} />
            </>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={busy}>
              Share
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
