import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "graphiql/style.css";
import "./graphiql.css";

// Posts to this server's own endpoint; the session cookie travels with it (same origin).
const fetcher = createGraphiQLFetcher({ url: new URL("/graphql", window.location.href).toString() });

createRoot(document.getElementById("graphiql")!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} />
  </StrictMode>,
);
