import type { AnnotationFieldsFragment } from "../../gql/graphql";

interface AnnotationListProps {
  annotations: readonly AnnotationFieldsFragment[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** Every annotation by label, colour and author; choosing one highlights it on the image. */
export function AnnotationList({ annotations, selectedId, onSelect }: AnnotationListProps) {
  if (annotations.length === 0) return <p>No annotations yet.</p>;
  return (
    <ul className="annotation-list" aria-label="Annotations">
      {annotations.map((annotation) => (
        <li key={annotation.id}>
          <button type="button" aria-pressed={annotation.id === selectedId} onClick={() => onSelect(annotation.id)}>
            <span className="swatch" style={{ background: annotation.color }} aria-hidden="true" />
            <span className="annotation-label">{annotation.label}</span>
            <span className="annotation-author">by {annotation.author.displayName}</span>
          </button>
          {annotation.id === selectedId && annotation.note && <p className="annotation-note">{annotation.note}</p>}
        </li>
      ))}
    </ul>
  );
}
