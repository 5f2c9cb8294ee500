import { useCallback, useState, type ReactNode } from "react";
import { AccessDialog } from "./access/AccessDialog";
import { ShareDialog } from "./share/ShareDialog";

export type DatasetDialogKind = "share" | "access";
export type OpenDialog = (kind: DatasetDialogKind, datasetId: string) => void;

/** The share and access dialogs, opened from a card or from the dataset page. */
export function useDatasetDialogs(): [ReactNode, OpenDialog] {
  const [open, setOpen] = useState<{ kind: DatasetDialogKind; datasetId: string } | null>(null);
  const openDialog = useCallback<OpenDialog>((kind, datasetId) => setOpen({ kind, datasetId }), []);
  const close = useCallback(() => setOpen(null), []);
  let dialog: ReactNode = null;
  if (open?.kind === "share") dialog = <ShareDialog datasetId={open.datasetId} onClose={close} />;
  if (open?.kind === "access") dialog = <AccessDialog datasetId={open.datasetId} onClose={close} />;
  return [dialog, openDialog];
}
