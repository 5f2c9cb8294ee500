import { createHash } from "node:crypto";
import type { Plugin } from "vite";

const INLINE_FONT = /url\((["']?)data:(?:font\/|application\/(?:x-)?font-)(woff2|woff|ttf|otf);base64,([A-Za-z0-9+/=]+)\1\)/g;

/**
 * Writes fonts that a package's CSS carries inline (GraphiQL's do) into files of their own
 * beside the CSS, so that the pages' Content-Security-Policy can keep fonts to this origin.
 */
export function fontsAsFiles(): Plugin {
  return {
    name: "datashare-fonts-as-files",
    apply: "build",
    generateBundle(_options, bundle) {
      for (const asset of Object.values(bundle)) {
        if (asset.type !== "asset" || !asset.fileName.endsWith(".css") || typeof asset.source !== "string") continue;
        asset.source = asset.source.replace(INLINE_FONT, (_match, _quote, extension: string, base64: string) => {
          const bytes = Buffer.from(base64, "base64");
          const digest = createHash("sha256").update(bytes).digest("hex").slice(0, 10);
          const fileName = asset.fileName.replace(/[^/]*$/, `font-${digest}.${extension}`);
          if (!bundle[fileName]) this.emitFile({ type: "asset", fileName, source: bytes });
          return `url(./font-${digest}.${extension})`;
        });
      }
    },
  };
}
