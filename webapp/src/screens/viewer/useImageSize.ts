import { useEffect, useState } from "react";

export type ImageSize = { width: number; height: number } | "failed" | null;

/** The image's own size in pixels, once the browser has read it (its extent on the map). */
export function useImageSize(url: string): ImageSize {
  const [size, setSize] = useState<ImageSize>(null);
  useEffect(() => {
    let current = true;
    const image = new Image();
    image.onload = () => current && setSize({ width: image.naturalWidth, height: image.naturalHeight });
    image.onerror = () => current && setSize("failed");
    image.src = url;
    return () => {
      current = false;
    };
  }, [url]);
  return size;
}
