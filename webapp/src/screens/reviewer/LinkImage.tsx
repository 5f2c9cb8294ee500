import { useState } from "react";
import type { AnnotationFieldsFragment } from "../../gql/graphql";
import { AnnotationList } from "../viewer/AnnotationList";
import { AnnotationMap } from "../viewer/AnnotationMap";
import { useImageSize } from "../viewer/useImageSize";

interface LinkImageProps {
  imageUrl: string | null;
  annotations: readonly AnnotationFieldsFragment[];
  more: boolean;
}

const ignore = () => undefined;

/** The image and its annotations as a reviewer sees them: to look at, never to edit. */
export function LinkImage({ imageUrl, annotations, more }: LinkImageProps) {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  return (
    <section className="image-viewer" aria-labelledby="image-heading">
      <h2 id="image-heading">Image and annotations</h2>
      <div className="viewer-layout">
        {imageUrl ? <LinkMap imageUrl={imageUrl} annotations={annotations} selectedId={selectedId} onSelect={setSelectedId} /> : <p>The owner did not allow downloads through this link, so the image itself is not shown.</p>}
        <div className="annotation-panel">
          <AnnotationList annotations={annotations} selectedId={selectedId} onSelect={setSelectedId} />
          {more && <p>Only the first 100 annotations are shown.</p>}
        </div>
      </div>
    </section>
  );
}

interface LinkMapProps {
  imageUrl: string;
  annotations: readonly AnnotationFieldsFragment[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
}

function LinkMap({ imageUrl, annotations, selectedId, onSelect }: LinkMapProps) {
  const size = useImageSize(imageUrl);
  if (size === null) return <p aria-live="polite">Loading the image…</p>;
  if (size === "failed") return <p role="alert">This file cannot be shown as an image in the browser; download it instead.</p>;
  return (
    <AnnotationMap
      imageUrl={imageUrl}
      width={size.width}
      height={size.height}
      annotations={annotations}
      selectedId={selectedId}
      tool={null}
      onSelect={onSelect}
      onDrawn={ignore}
    />
  );
}
