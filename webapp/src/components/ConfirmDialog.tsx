import { useState, type ReactNode } from "react";
import { Dialog } from "./Dialog";
import { FormErrors } from "./Field";

interface ConfirmDialogProps {
  title: string;
  confirmLabel: string;
  cancelLabel: string;
  children: ReactNode;
  /** Does it; answers the payload's errors (none on success). */
  onConfirm: () => Promise<readonly { message: string }[]>;
  onDone: () => void;
  onClose: () => void;
}

/** Asks before something that cannot be undone, and says why it failed if it did. */
export function ConfirmDialog({ title, confirmLabel, cancelLabel, children, onConfirm, onDone, onClose }: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState<string[]>([]);

  const confirm = async () => {
    setBusy(true);
    try {
      const errors = await onConfirm();
      setFailures(errors.map((error) => error.message));
      if (errors.length === 0) onDone();
    } catch (error) {
      setFailures([`The request failed: ${(error as Error).message}`]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={title} onClose={onClose}>
      <FormErrors messages={failures} />
      {children}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {cancelLabel}
        </button>
        <button type="button" className="danger" disabled={busy} onClick={confirm}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
