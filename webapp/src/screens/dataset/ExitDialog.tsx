import { useApolloClient, useMutation } from "@apollo/client";
import { useNavigate } from "react-router-dom";
import { forgetDatasetLists } from "../../app/apollo";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { RevokeAccessMutation } from "../access/operations";
import { DeleteDatasetMutation } from "./operations";

export type Exit = { kind: "delete"; datasetId: string } | { kind: "leave"; grantId: string };

interface ExitDialogProps {
  exit: Exit;
  name: string;
  onClose: () => void;
}

/** The owner deletes the dataset, or a recipient leaves it; either way it is gone from their lists. */
export function ExitDialog({ exit, name, onClose }: ExitDialogProps) {
  const [deleteDataset] = useMutation(DeleteDatasetMutation);
  const [revokeAccess] = useMutation(RevokeAccessMutation);
  const client = useApolloClient();
  const navigate = useNavigate();

  const gone = () => {
    forgetDatasetLists(client.cache);
    navigate("/", { replace: true });
  };

  if (exit.kind === "delete") {
    const remove = async () => (await deleteDataset({ variables: { input: { id: exit.datasetId } } })).data?.deleteDataset.errors ?? [];
    return (
      <ConfirmDialog title={`Delete ${name}?`} confirmLabel="Delete" cancelLabel="Keep it" onConfirm={remove} onDone={gone} onClose={onClose}>
        <p>The dataset, its file and its annotations are deleted, and nobody it was shared with sees it any more.</p>
      </ConfirmDialog>
    );
  }
  const leave = async () =>
    (await revokeAccess({ variables: { input: { grantId: exit.grantId, cascade: false } } })).data?.revokeAccess.errors ?? [];
  return (
    <ConfirmDialog title={`Leave ${name}?`} confirmLabel="Leave this dataset" cancelLabel="Stay" onConfirm={leave} onDone={gone} onClose={onClose}>
      <p>You will no longer see this dataset unless it is shared with you again. Those you shared it with keep their access.</p>
    </ConfirmDialog>
  );
}
