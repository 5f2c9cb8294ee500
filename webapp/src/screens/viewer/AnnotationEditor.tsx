import { Field, FormErrors, TextAreaField } from "../../components/Field";
import { useForm } from "../../components/useForm";
import type { UserErrorLike } from "../../components/errors";
import type { AnnotationFieldsFragment } from "../../gql/graphql";

export interface AnnotationChanges {
  label: string;
  color: string;
  note: string;
}

interface AnnotationEditorProps {
  annotation: AnnotationFieldsFragment;
  onSave: (changes: AnnotationChanges) => Promise<{ errors: readonly UserErrorLike[] } | undefined>;
  onDelete: () => void;
  busy: boolean;
}

/** Label, colour and note of one annotation; mounted with a `key` per annotation. */
export function AnnotationEditor({ annotation, onSave, onDelete, busy }: AnnotationEditorProps) {
  const { values, set, errors, handleSubmit } = useForm(
    { label: annotation.label, color: annotation.color, note: annotation.note },
    ["label", "color", "note"],
  );
  return (
    <form className="annotation-editor" aria-label={`Edit ${annotation.label}`} onSubmit={handleSubmit(onSave, () => undefined)} noValidate>
      <FormErrors messages={errors.general} />
      <Field label="Label" value={values.label} error={errors.byField.label} onChange={(e) => set("label", e.target.value)} />
      <Field label="Colour" type="color" value={values.color} error={errors.byField.color} onChange={(e) => set("color", e.target.value)} />
      <TextAreaField label="Note" value={values.note} error={errors.byField.note} onChange={(e) => set("note", e.target.value)} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          Save
        </button>
        <button type="button" className="danger" disabled={busy} onClick={onDelete}>
          Delete
        </button>
      </div>
    </form>
  );
}
