import { useApolloClient, useMutation } from "@apollo/client";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { forgetDatasetLists } from "../../app/apollo";
import { Dialog } from "../../components/Dialog";
import { FormErrors } from "../../components/Field";
import { DeleteDatasetMutation } from "./operations";

interface DeleteDatasetDialogProps {
  datasetId: string;
  name: string;
  onClose: () => void;
}

/** The owner confirms deleting a dataset, its file and everyone's access to it. */
export function DeleteDatasetDialog({ datasetId, name, onClose }: DeleteDatasetDialogProps) {
  const [deleteDataset, { loading }] = useMutation(DeleteDatasetMutation);
  const client = useApolloClient();
  const navigate = useNavigate();
  const [failures, setFailures] = useState<string[]>([]);

  const onDelete = async () => {
    try {
      const { data } = await deleteDataset({ variables: { input: { id: datasetId } } });
      const errors = data?.deleteDataset.errors ?? [];
      setFailures(errors.map((error) => error.message));
      if (errors.length === 0) {
        forgetDatasetLists(client.cache);
        navigate("/", { replace: true });
      }
    } catch (error) {
      setFailures([`The request failed: ${(error as Error).message}`]);
    }
  };

  return (
    <Dialog title={`Delete ${name}?`} onClose={onClose}>
      <FormErrors messages={failures} />
      <p>The dataset, its file and its annotations are deleted, and nobody it was shared with sees it any more.</p>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Keep it
        </button>
        <button type="button" className="danger" disabled={loading} onClick={onDelete}>
          Delete
        </button>
      </div>
    </Dialog>
  );
}
