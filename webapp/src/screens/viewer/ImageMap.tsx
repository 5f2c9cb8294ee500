import { AnnotationMap, type AnnotationMapProps } from "./AnnotationMap";
import { useImageSize } from "./useImageSize";

/** The annotation map once the image's size is known; a note while it loads or if it cannot. */
export function ImageMap(props: Omit<AnnotationMapProps, "width" | "height">) {
  const size = useImageSize(props.imageUrl);
  if (size === null) return <p aria-live="polite">Loading the image…</p>;
  if (size === "failed") return <p role="alert">This file cannot be shown as an image in the browser; download it instead.</p>;
  return <AnnotationMap {...props} width={size.width} height={size.height} />;
}
