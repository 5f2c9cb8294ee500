import type { CodegenConfig } from "@graphql-codegen/cli";

// Types for every operation written with `graphql()` in the screens, from the server's SDL.
const config: CodegenConfig = {
  schema: "../schema.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**/*"],
  ignoreNoDocuments: true,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: "string", BigInt: "number", JSON: "unknown", ID: "string" },
      },
    },
  },
};

export default config;
