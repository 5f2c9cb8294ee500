import { useState } from "react";
import type { AnnotationFieldsFragment } from "../../gql/graphql";
import { AnnotationList } from "../viewer/AnnotationList";
import { ImageMap } from "../viewer/ImageMap";

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
        {imageUrl ? <ImageMap imageUrl={imageUrl} annotations={annotations} selectedId={selectedId} tool={null} onSelect={setSelectedId} onDrawn={ignore} /> : <p>The owner did not allow downloads through this link, so the image itself is not shown.</p>}
        <div className="annotation-panel">
          <AnnotationList annotations={annotations} selectedId={selectedId} onSelect={setSelectedId} />
          {more && <p>Only the first 100 annotations are shown.</p>}
        </div>
      </div>
    </section>
  );
}
