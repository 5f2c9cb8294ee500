import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";
import { fontsAsFiles } from "./fontsAsFiles";

// Two pages: the app, and GraphiQL served by the server at /graphql to browsers.
export default defineConfig({
  plugins: [react(), fontsAsFiles()],
  build: {
    outDir: "dist",
    assetsDir: "assets",
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL("index.html", import.meta.url)),
        graphiql: fileURLToPath(new URL("graphiql.html", import.meta.url)),
      },
    },
  },
  server: {
    proxy: {
      "/graphql": "http://127.0.0.1:8000",
      "/uploads": "http://127.0.0.1:8000",
      "/files": "http://127.0.0.1:8000",
    },
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["src/test/setup.ts"],
    // jsdom is a browser: the unit tests use tus-js-client's browser build, as the app does.
    alias: { "tus-js-client": fileURLToPath(new URL("node_modules/tus-js-client/lib.esm/browser/index.js", import.meta.url)) },
    include: ["src/**/*.test.{ts,tsx}"],
    css: false,
  },
});
